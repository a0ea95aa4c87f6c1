"""The staff side of live chat, inside Oscar's dashboard: inbox, replies, canned replies, hours."""
