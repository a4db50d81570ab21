"""Reading what users wrote: YAML, validation, interview.yaml, notes and e-mails, folders grouped into applications."""
