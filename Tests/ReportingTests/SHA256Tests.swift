import Testing
@testable import Reporting

@Suite("SHA-256 for the style block's CSP hash")
struct SHA256Tests {
    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.base64(SHA256.digest(Array("abc".utf8))) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        #expect(SHA256.base64(SHA256.digest([])) == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        let long = Array(String(repeating: "a", count: 1000).utf8)
        #expect(SHA256.base64(SHA256.digest(long)) == "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM=")
    }
}
