"""Blueprint: sparql routes."""

from flask import Blueprint

bp = Blueprint("sparql", __name__)
