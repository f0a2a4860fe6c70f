// Reports for boards and communities.
