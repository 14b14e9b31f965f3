# The audit trail is not in the administration pages: it is read by information
# governance staff on its own pages (goodlife/governance), and every read is itself
# recorded. Administrators change accounts; they do not read who looked at what.
