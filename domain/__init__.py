"""The newsledger model: articles, assertions, cleaning, the event-sourced application and views.

Never imports litestar, pluggy or newsledger.api (enforced by import-linter).
"""
