CREATE TABLE "practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"story" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"organisation_ids" uuid[] DEFAULT '{}' NOT NULL,
	"organisation_kinds" text[] DEFAULT '{}' NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"communes" text[] DEFAULT '{}' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_way" text DEFAULT '' NOT NULL,
	"links" text[] DEFAULT '{}' NOT NULL,
	"obstacles" uuid[] DEFAULT '{}' NOT NULL,
	"levers" uuid[] DEFAULT '{}' NOT NULL,
	"tools" uuid[] DEFAULT '{}' NOT NULL,
	"published_at" timestamp with time zone,
	"unpublished_at" timestamp with time zone,
	"unpublished_by" uuid,
	"edited_at" timestamp with time zone,
	"search_terms" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practices_status_known" CHECK ("practices"."status" in ('draft', 'published', 'unpublished')),
	CONSTRAINT "practices_title_present" CHECK ("practices"."title" <> '{}'::jsonb),
	CONSTRAINT "practices_items_count" CHECK (cardinality(obstacles) <= 20 and cardinality(levers) <= 20 and cardinality(tools) <= 20),
	CONSTRAINT "practices_published_at" CHECK ("practices"."status" = 'draft' or "practices"."published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "worksheet_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"code" text,
	"labels" jsonb NOT NULL,
	"folded" text[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worksheet_items_kind_known" CHECK ("worksheet_items"."kind" in ('obstacle', 'lever', 'tool')),
	CONSTRAINT "worksheet_items_labels_present" CHECK ("worksheet_items"."labels" <> '{}'::jsonb)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "practices_slug_idx" ON "practices" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "practices_organisation_idx" ON "practices" USING btree ("organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "practices_library_idx" ON "practices" USING btree ("featured","published_at") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "practices_terms_idx" ON "practices" USING gin ("search_terms");--> statement-breakpoint
CREATE INDEX "practices_themes_idx" ON "practices" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "practices_items_idx" ON "practices" USING gin ("obstacles","levers","tools");--> statement-breakpoint
CREATE UNIQUE INDEX "worksheet_items_code_idx" ON "worksheet_items" USING btree ("code") WHERE code is not null;--> statement-breakpoint
CREATE INDEX "worksheet_items_folded_idx" ON "worksheet_items" USING gin ("folded");--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_author_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_unpublished_by_fk" FOREIGN KEY ("unpublished_by") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "worksheet_items" ADD CONSTRAINT "worksheet_items_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
-- The shared worksheet lists' first items, from the field reports' worksheet (drempels / hefbomen / hulpmiddelen).
INSERT INTO "worksheet_items" ("kind", "code", "labels", "folded") VALUES
('obstacle', 'language_barrier', '{"nl":"Taalbarrière","fr":"Barrière de la langue","en":"Language barrier"}'::jsonb, ARRAY['taalbarriere', 'barriere de la langue', 'language barrier']::text[]),
('obstacle', 'not_knowing_offer', '{"nl":"Elkaars aanbod niet kennen","fr":"Ne pas connaître l''offre des autres","en":"Not knowing each other''s offer"}'::jsonb, ARRAY['elkaars aanbod niet kennen', 'ne pas connaitre l offre des autres', 'not knowing each other s offer']::text[]),
('obstacle', 'hard_to_find', '{"nl":"Elkaar moeilijk vinden in een versnipperd, veranderend netwerk","fr":"Difficile de se trouver dans un réseau morcelé et changeant","en":"Hard to find each other in a scattered, changing network"}'::jsonb, ARRAY['elkaar moeilijk vinden in een versnipperd veranderend netwerk', 'difficile de se trouver dans un reseau morcele et changeant', 'hard to find each other in a scattered changing network']::text[]),
('obstacle', 'no_room', '{"nl":"Geen ruimte","fr":"Pas de local","en":"No room"}'::jsonb, ARRAY['geen ruimte', 'pas de local', 'no room']::text[]),
('obstacle', 'short_project_funding', '{"nl":"Korte projectfinanciering","fr":"Financement de projet à court terme","en":"Short project funding"}'::jsonb, ARRAY['korte projectfinanciering', 'financement de projet a court terme', 'short project funding']::text[]),
('obstacle', 'too_little_time', '{"nl":"Te weinig tijd, middelen en personeel","fr":"Trop peu de temps, de moyens et de personnel","en":"Too little time, means and staff"}'::jsonb, ARRAY['te weinig tijd middelen en personeel', 'trop peu de temps de moyens et de personnel', 'too little time means and staff']::text[]),
('obstacle', 'other_frameworks', '{"nl":"Andere begrippen en referentiekaders","fr":"Autres concepts et cadres de référence","en":"Other concepts and frames of reference"}'::jsonb, ARRAY['andere begrippen en referentiekaders', 'autres concepts et cadres de reference', 'other concepts and frames of reference']::text[]),
('obstacle', 'no_counterpart', '{"nl":"Geen tegenspeler: anders georganiseerd of gefinancierd","fr":"Pas d’interlocuteur : organisé ou financé autrement","en":"No counterpart: organised or funded differently"}'::jsonb, ARRAY['geen tegenspeler anders georganiseerd of gefinancierd', 'pas d interlocuteur organise ou finance autrement', 'no counterpart organised or funded differently']::text[]),
('obstacle', 'unhelpful_rules', '{"nl":"Regels die niet helpen (cao''s, registratie, verslaggeving)","fr":"Des règles qui n’aident pas (conventions, enregistrement, rapports)","en":"Rules that do not help (agreements, registration, reporting)"}'::jsonb, ARRAY['regels die niet helpen cao s registratie verslaggeving', 'des regles qui n aident pas conventions enregistrement rapports', 'rules that do not help agreements registration reporting']::text[]),
('obstacle', 'little_brussels_knowledge', '{"nl":"Nieuwe medewerkers kennen Brussel weinig","fr":"De nouveaux collègues connaissent peu Bruxelles","en":"New staff know Brussels little"}'::jsonb, ARRAY['nieuwe medewerkers kennen brussel weinig', 'de nouveaux collegues connaissent peu bruxelles', 'new staff know brussels little']::text[]),
('obstacle', 'papers_threshold', '{"nl":"Papieren en inschrijvingen als drempel","fr":"Les papiers et les inscriptions comme obstacle","en":"Papers and registration as a threshold"}'::jsonb, ARRAY['papieren en inschrijvingen als drempel', 'les papiers et les inscriptions comme obstacle', 'papers and registration as a threshold']::text[]),
('lever', 'bridge_person', '{"nl":"Een sleutelfiguur of brugfiguur","fr":"Une personne-relais ou figure clé","en":"A key figure or bridge person"}'::jsonb, ARRAY['een sleutelfiguur of brugfiguur', 'une personne relais ou figure cle', 'a key figure or bridge person']::text[]),
('lever', 'interpreters', '{"nl":"Tolken","fr":"Interprètes","en":"Interpreters"}'::jsonb, ARRAY['tolken', 'interpretes', 'interpreters']::text[]),
('lever', 'shared_room', '{"nl":"Een gedeelde ruimte","fr":"Un local partagé","en":"A shared room"}'::jsonb, ARRAY['een gedeelde ruimte', 'un local partage', 'a shared room']::text[]),
('lever', 'shared_client', '{"nl":"Een gedeelde cliënt, buurt en belang","fr":"Un public, un quartier et un intérêt partagés","en":"A shared client, neighbourhood and interest"}'::jsonb, ARRAY['een gedeelde client buurt en belang', 'un public un quartier et un interet partages', 'a shared client neighbourhood and interest']::text[]),
('lever', 'complementary_offer', '{"nl":"Complementair aanbod dat elkaar versterkt","fr":"Des offres complémentaires qui se renforcent","en":"Complementary offers that strengthen each other"}'::jsonb, ARRAY['complementair aanbod dat elkaar versterkt', 'des offres complementaires qui se renforcent', 'complementary offers that strengthen each other']::text[]),
('lever', 'multilingual_staff', '{"nl":"Tweetalige of meertalige medewerkers","fr":"Du personnel bilingue ou multilingue","en":"Bilingual or multilingual staff"}'::jsonb, ARRAY['tweetalige of meertalige medewerkers', 'du personnel bilingue ou multilingue', 'bilingual or multilingual staff']::text[]),
('lever', 'project_funding', '{"nl":"Financiële stimuli, projectfinanciering","fr":"Des incitants financiers, un financement de projet","en":"Financial incentives, project funding"}'::jsonb, ARRAY['financiele stimuli projectfinanciering', 'des incitants financiers un financement de projet', 'financial incentives project funding']::text[]),
('lever', 'mandate', '{"nl":"Een mandaat om samen te werken (wijkcontract, CLSS)","fr":"Un mandat pour collaborer (contrat de quartier, CLSS)","en":"A mandate to work together (neighbourhood contract, CLSS)"}'::jsonb, ARRAY['een mandaat om samen te werken wijkcontract clss', 'un mandat pour collaborer contrat de quartier clss', 'a mandate to work together neighbourhood contract clss']::text[]),
('lever', 'shared_vision', '{"nl":"Een gedeelde beleidsvisie","fr":"Une vision politique partagée","en":"A shared policy vision"}'::jsonb, ARRAY['een gedeelde beleidsvisie', 'une vision politique partagee', 'a shared policy vision']::text[]),
('lever', 'historic_tie', '{"nl":"Een historische band","fr":"Un lien historique","en":"A historic tie"}'::jsonb, ARRAY['een historische band', 'un lien historique', 'a historic tie']::text[]),
('lever', 'trust_of_self_organisations', '{"nl":"Het vertrouwen van zelforganisaties bij hun doelgroep","fr":"La confiance des auto-organisations auprès de leur public","en":"The trust self-organisations have among their people"}'::jsonb, ARRAY['het vertrouwen van zelforganisaties bij hun doelgroep', 'la confiance des auto organisations aupres de leur public', 'the trust self organisations have among their people']::text[]),
('tool', 'networker', '{"nl":"Een netwerker in dienst","fr":"Une personne chargée du réseau","en":"A networker on the staff"}'::jsonb, ARRAY['een netwerker in dienst', 'une personne chargee du reseau', 'a networker on the staff']::text[]),
('tool', 'network_day', '{"nl":"Een netwerkdag over de gemeenschappen heen","fr":"Une journée de réseau entre les communautés","en":"A network day across the communities"}'::jsonb, ARRAY['een netwerkdag over de gemeenschappen heen', 'une journee de reseau entre les communautes', 'a network day across the communities']::text[]),
('tool', 'job_shadowing', '{"nl":"Kijkstage","fr":"Stage d''observation","en":"Job shadowing"}'::jsonb, ARRAY['kijkstage', 'stage d observation', 'job shadowing']::text[]),
('tool', 'meet_at_the_other', '{"nl":"Vergaderen op de locatie van de ander","fr":"Se réunir dans les locaux de l''autre","en":"Meeting at the other''s place"}'::jsonb, ARRAY['vergaderen op de locatie van de ander', 'se reunir dans les locaux de l autre', 'meeting at the other s place']::text[]),
('tool', 'local_consultation', '{"nl":"Deelnemen aan lokaal overleg","fr":"Participer à la concertation locale","en":"Taking part in local consultation"}'::jsonb, ARRAY['deelnemen aan lokaal overleg', 'participer a la concertation locale', 'taking part in local consultation']::text[]),
('tool', 'case_discussion', '{"nl":"Casusbespreking vanuit de noden van de cliënt","fr":"Discussion de situations à partir des besoins de la personne","en":"Case discussions starting from the client''s needs"}'::jsonb, ARRAY['casusbespreking vanuit de noden van de client', 'discussion de situations a partir des besoins de la personne', 'case discussions starting from the client s needs']::text[]),
('tool', 'translation_tools', '{"nl":"Vertaaltools","fr":"Outils de traduction","en":"Translation tools"}'::jsonb, ARRAY['vertaaltools', 'outils de traduction', 'translation tools']::text[]),
('tool', 'dare_to_speak', '{"nl":"Durf spreken in je eigen of de andere taal","fr":"Oser parler dans sa langue ou dans celle de l''autre","en":"Dare to speak in your own or the other language"}'::jsonb, ARRAY['durf spreken in je eigen of de andere taal', 'oser parler dans sa langue ou dans celle de l autre', 'dare to speak in your own or the other language']::text[]),
('tool', 'join_team_meetings', '{"nl":"Deelnemen aan elkaars teamvergaderingen","fr":"Participer aux réunions d''équipe de l''autre","en":"Joining each other''s team meetings"}'::jsonb, ARRAY['deelnemen aan elkaars teamvergaderingen', 'participer aux reunions d equipe de l autre', 'joining each other s team meetings']::text[]),
('tool', 'joint_funding', '{"nl":"Een gezamenlijke subsidielijn","fr":"Une ligne de subsides commune","en":"A joint funding line"}'::jsonb, ARRAY['een gezamenlijke subsidielijn', 'une ligne de subsides commune', 'a joint funding line']::text[]);
