/* export_sv.c — the Swedish headers of lup export: a table written for
 * Swedish Excel reads as Swedish, in the words of the interface, and the
 * people table's headers are the ones lup import reads back (Namn, E-post,
 * Enhet, Roll, Chef, Anställningsnummer, Aktiv). */
#include <string.h>
#include "lup/export.h"

static const struct { const char *col, *sv; } headers[] = {
	{ "id", "Id" }, { "name", "Namn" }, { "email", "E-post" }, { "phone", "Telefon" },
	{ "unit", "Enhet" }, { "role", "Roll" }, { "employee_no", "Anställningsnummer" },
	{ "manager", "Chef" }, { "manager_name", "Chefens namn" }, { "active", "Aktiv" },
	{ "created_at", "Skapad" }, { "updated_at", "Ändrad" },
	{ "programme_id", "Programmets id" }, { "programme", "Program" }, { "status", "Status" },
	{ "status_override", "Status satt för hand" }, { "capacity", "Antal platser" },
	{ "start_date", "Startdatum" }, { "end_date", "Slutdatum" }, { "enrolled", "Antagna" },
	{ "completed", "Genomförda" }, { "waitlisted", "På väntelista" }, { "withdrawn", "Avanmälda" },
	{ "facilitators", "Handledare" }, { "notes", "Anteckningar" },
	{ "cohort_id", "Omgångens id" }, { "cohort", "Omgång" }, { "block_id", "Blockets id" },
	{ "block", "Block" }, { "block_kind", "Blockets typ" }, { "title", "Rubrik" }, { "kind", "Typ" },
	{ "starts_at", "Börjar" }, { "ends_at", "Slutar" }, { "location", "Plats" },
	{ "host_id", "Värdorganisationens id" }, { "host", "Värdorganisation" },
	{ "sequence", "Ändringsnummer" },
	{ "person_id", "Personens id" }, { "person", "Person" }, { "waitlist_pos", "Plats på väntelistan" },
	{ "requested_at", "Begärd" }, { "enrolled_on", "Antagen från" }, { "ended_on", "Avslutad" },
	{ "note", "Anteckning" }, { "session_id", "Tillfällets id" }, { "session", "Tillfälle" },
	{ "type", "Typ" }, { "country", "Land" }, { "city", "Ort" }, { "networks", "Nätverk" },
	{ "forum", "Forum" }, { "contact_name", "Kontaktperson" }, { "contact_email", "Kontaktens e-post" },
	{ "contact_phone", "Kontaktens telefon" }, { "languages", "Språk" }, { "themes", "Teman" },
	{ "agreement_type", "Avtalstyp" }, { "agreement_start", "Avtalet gäller från" },
	{ "agreement_end", "Avtalet gäller till" }, { "lat", "Latitud" }, { "lon", "Longitud" },
	{ "mentor", "Handledare hos värden" }, { "travel_days", "Resdagar" },
	{ "green_travel", "Grönt resande" }, { "objectives", "Mål" },
	{ "agreement_signed", "Avtalet undertecknat" }, { "travel_booked", "Resan bokad" },
	{ "insurance", "Försäkring" }, { "report_received", "Rapporten mottagen" },
	{ "reflection", "Reflektion" }, { "cancel_reason", "Orsak till inställd" },
	{ "status_changed_at", "Status ändrad" }, { "framework", "Ramverk" },
	{ "framework_version", "Ramverkets version" }, { "framework_revision", "Ramverkets revision" },
	{ "date", "Datum" }, { "assessor_id", "Bedömarens id" }, { "assessor", "Bedömare" },
	{ "supersedes_id", "Ersätter" }, { "ratings", "Bedömningar" },
	{ "checkin_id", "Avstämningens id" }, { "area", "Område" }, { "area_name", "Områdets namn" },
	{ "competence", "Kompetens" }, { "competence_name", "Kompetensens namn" }, { "level", "Nivå" },
	{ "comment", "Kommentar" },
};

const char *lup_export_header(const char *col, enum lup_export_lang lang)
{
	if (lang != LUP_EXPORT_SV || !col)
		return col;
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++)
		if (strcmp(headers[i].col, col) == 0)
			return headers[i].sv;
	return col;
}
