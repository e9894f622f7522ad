# Överenskommelse om jobbskuggning, efter Erasmus+ modell för
# mobilitetsöverenskommelser (lup print agreement, eller P på en placering).
#
# Kopiera filen till ~/.local/share/lup/documents/ (eller till mappen i
# [documents] templates) och ändra den där; se lup-documents(5).

filename    överenskommelse {person} {host} {start}
header      {organisation}

title       Överenskommelse om jobbskuggning
subtitle    Mobilitetsöverenskommelse för personal, Erasmus+

heading     Deltagare
field       Namn | {person}
field       Enhet | {unit}
field       Roll | {role}
field       E-post | {email}
field       Telefon | {phone}

heading     Sändande organisation
field       Organisation | {sending}
field       Ort | {home}
field       Ansvarig | {signatory}

heading     Mottagande organisation
field       Organisation | {host}
field       Ort | {city}
field       Land | {country}
field       Kontaktperson | {contact}
field       E-post | {contact_email}
field       Telefon | {contact_phone}
field       Mentor | {mentor}

heading     Vistelsen
field       Period | {start} – {end}
field       Längd | {days} dagar jobbskuggning, {travel_days} resdagar därutöver

heading     Mål och innehåll
text        {objectives}

heading     Åtaganden
text        Deltagaren följer mentorn i det dagliga arbetet under perioden, för
  en lärlogg och lämnar efter hemkomsten en rapport om vad hen har lärt
  sig. Den mottagande organisationen ger deltagaren tillträde till
  verksamheten och utser en mentor. Den sändande organisationen svarar för
  resa, försäkring och ersättning enligt sina regler och erkänner det
  deltagaren har lärt sig.
text        Genom att skriva under godkänner parterna målen och villkoren ovan.

signature   Deltagare | {person} | Ort och datum:
signature   Sändande organisation | {signatory} | {signatory_title} | Ort och datum:
signature   Mottagande organisation | {contact} | Ort och datum:

footer      Överenskommelse om jobbskuggning · {person} · {host}
pagenumber  Sida {page} av {pages}
