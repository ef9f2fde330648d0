"""The site checker: links, structure, diagrams and the curriculum model."""
