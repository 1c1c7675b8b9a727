"""Text, spans and claim extraction. Imports none of the project's other packages."""
