# Deltagarlista för en grupp (lup print participants, eller P på en grupp).
#
# Kopiera filen till ~/.local/share/lup/documents/ (eller till mappen i
# [documents] templates) och ändra den där; se lup-documents(5).

filename    deltagarlista {cohort}
header      {organisation}

title       Deltagarlista
subtitle    {cohort}

field       Program | {programme}
field       Period | {start} – {end}
field       Kursledare | {facilitators}
field       Deltagare | {count}

table       participants
column      Nr | {n} | 0.6 | right
column      Namn | {name} | 3.2
column      Enhet | {unit} | 2.6
column      E-post | {email} | 3.4
column      Telefon | {phone} | 2
empty       Ingen är anmäld till gruppen ännu.
end

small       Listan innehåller personuppgifter. Dela den bara med gruppens
  kursledare och släng den när gruppen är klar.

footer      Deltagarlista · {cohort} · utskriven {today}
pagenumber  Sida {page} av {pages}
