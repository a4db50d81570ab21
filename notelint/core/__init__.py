"""The bottom layer: frozen types, the text layer, masking and display. Imports nothing else of notelint."""
