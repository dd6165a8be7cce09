"""Use cases of the till: each takes a unit-of-work factory and a context, and either commits
everything it records in one transaction or raises a DomainError having written nothing."""
