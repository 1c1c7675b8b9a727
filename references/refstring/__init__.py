"""One reference string → its fields, by a small grammar over tokens.

`text` normalises punctuation (length-preserving, so values are sliced from the original),
`ids` takes identifiers out, `tokens` turns the rest into a one-letter-per-token signature,
`tail` recognises the venue/volume/issue/pages/year locator at the end, `authors` reads author
lists, `head` splits what precedes the locator into authors, year, title and journal, and `entry`
puts them together, keeping only the fields it is confident of.
"""
