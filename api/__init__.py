"""Entry points: the Litestar app factory, controllers, schemas, errors, settings and the CLI."""
