# Intyg om närvaro vid jobbskuggning, för den mottagande organisationen att
# skriva under när vistelsen är slut (lup print attendance-certificate,
# eller P på en bekräftad eller avslutad placering).
#
# Kopiera filen till ~/.local/share/lup/documents/ (eller till mappen i
# [documents] templates) och ändra den där; se lup-documents(5).

filename    närvarointyg {person} {host} {start}
header      {organisation}

space       10
title       Intyg om närvaro
subtitle    Jobbskuggning, Erasmus+

text        Den mottagande organisationen intygar att deltagaren nedan har
  genomfört jobbskuggning hos oss under den period som anges.

field       Deltagare | {person}
field       Sändande organisation | {sending}
field       Mottagande organisation | {host}
field       Ort | {city}
field       Land | {country}
field       Mentor | {mentor}
field       Planerad period | {start} – {end} ({days} dagar, resdagar oräknade)
field       Faktisk period |
field       Antal dagar på plats |

space       4
text        Eventuella avvikelser från den planerade perioden och orsaken till dem:
space       22

signature   Mottagande organisation | {contact} | Namnförtydligande och titel | Ort och datum:
signature   Stämpel |

footer      Intyg om närvaro · {person} · {host}
