# Intyg för den som har fullföljt en grupp (lup print certificate, eller P
# på en deltagare).  Ett intyg per person, vart och ett på en ny sida.
#
# Kopiera filen till ~/.local/share/lup/documents/ (eller till mappen i
# [documents] templates) och ändra den där; se lup-documents(5).

filename    intyg {cohort} {person}
header      {organisation}

space       20
title       Intyg
space       6
text        Härmed intygas att
subtitle    {person}
small       {unit}
text        har deltagit i och fullföljt ledarutvecklingsprogrammet {programme}
  i gruppen {cohort}, {start} – {end}: {sessions} tillfällen och sammanlagt
  {hours} timmar. Programmets krav på närvaro är uppfyllda i samtliga block.

heading     Programmets block
table       blocks
column      Block | {block} | 5
column      Datum | {dates} | 3.6
column      Tillfällen | {sessions} | 1.5 | right
column      Timmar | {hours} | 1.3 | right
end

space       16
signature   {organisation} | {signatory} | {signatory_title} | {today}

footer      {organisation} · {programme} · {cohort}
