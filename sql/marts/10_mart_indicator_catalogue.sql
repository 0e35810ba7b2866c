-- The indicator catalogue: one row per indicator code that mart.indicator_values can hold.
-- Researchers and the report read names, formulas, sources and target rules from here.
-- The target rule (doelregel) is written from the target register ref.doelen, never by hand; names and formulas
-- that mention the ICT norm, goal or goal year take them from the register too ({norm}, {doel}, {doeljaar}).
CREATE SCHEMA IF NOT EXISTS intermediate;

-- A number in Dutch notation: thousands with a dot, decimals with a comma, whole millions as "N miljoen".
CREATE OR REPLACE MACRO intermediate.nl_getal(x) AS
    CASE WHEN x IS NULL THEN NULL
         WHEN x <> round(x) THEN replace(CAST(x AS VARCHAR), '.', ',')
         WHEN abs(x) >= 1e6 AND x % 1e6 = 0 THEN CAST(CAST(x / 1e6 AS BIGINT) AS VARCHAR) || ' miljoen'
         ELSE replace(format('{:,}', CAST(x AS BIGINT)), ',', '.') END;

-- One Dutch sentence per register row.
CREATE OR REPLACE MACRO intermediate.doel_tekst(domain, region, category, soort, waarde, basisjaar, doeljaar, bron, unit) AS
    concat_ws(', ',
        CASE domain WHEN 'ict' THEN 'ICT' WHEN 'techniek' THEN 'Techniek' END,
        CASE WHEN region = 'NL' THEN 'landelijk' ELSE 'regio ' || region END,
        CASE WHEN category = '*' THEN 'elke categorie afzonderlijk' WHEN category IS NOT NULL THEN 'categorie ' || category END)
    || ': '
    || CASE soort
           WHEN 'minimum' THEN 'op koers bij ten minste ' || intermediate.nl_getal(waarde)
           WHEN 'maximum' THEN 'op koers bij ten hoogste ' || intermediate.nl_getal(waarde)
           WHEN 'pad' THEN 'op koers bij ten minste de rechte lijn van de eigen waarde in ' || basisjaar || ' naar '
                           || intermediate.nl_getal(waarde) || ' in ' || doeljaar
           ELSE 'op koers bij ten minste het gemiddelde over de tien jaar tot en met ' || basisjaar || ' plus '
                || replace(printf('%.1f', waarde), '.', ',') || CASE WHEN unit = 'procent' THEN ' procentpunt' ELSE '' END END
    || CASE WHEN soort IN ('minimum', 'maximum') THEN
           CASE WHEN basisjaar IS NOT NULL AND doeljaar IS NOT NULL THEN ', ' || basisjaar || ' tot en met ' || doeljaar
                WHEN basisjaar IS NOT NULL THEN ', vanaf ' || basisjaar
                WHEN doeljaar IS NOT NULL THEN ', tot en met ' || doeljaar
                ELSE '' END
       WHEN soort = 'pad' THEN ', voor ' || (basisjaar + 1) || ' tot en met ' || doeljaar
       ELSE ', vanaf ' || (basisjaar + 1) END
    || ' (bron: ' || bron || ')';

CREATE OR REPLACE TABLE mart.indicator_catalogue AS
WITH norm AS (
    -- The ICT growth norm and the goal with its year, as the register holds them (latest Basisjaar first).
    SELECT max_by(waarde, coalesce(basisjaar, 0)) AS norm FROM ref.doelen
    WHERE indicator = 'nettogroei' AND domain = 'ict' AND region = 'NL' AND category IS NULL AND soort = 'minimum'
),
doel AS (
    SELECT max_by(waarde, doeljaar) AS doel, max(doeljaar) AS doeljaar FROM ref.doelen
    WHERE indicator = 'werkzaam' AND domain = 'ict' AND region = 'NL' AND category IS NULL AND soort = 'pad'
),
c AS (
    SELECT * FROM (VALUES
    ('onderwijs_instroom', 'Instroom bètatechnisch onderwijs',
     'Nieuwe leerlingen en studenten in een bètatechnische richting in een studiejaar, per onderwijssoort en in totaal.',
     1, 'aantal',
     'Som van Aantal voor Fase = instroom en Richting = betatechniek, over beide geslachten (en over de onderwijssoorten voor het totaal).',
     'Techniekpactmonitor',
     'Techniekpactmonitor: brede bètatechnische definitie, inclusief ICT (vmbo: technische profielen; havo/vwo: NT- of NG-profiel).',
     NULL),
    ('onderwijs_ingeschreven', 'Ingeschrevenen bètatechnisch onderwijs',
     'Ingeschreven leerlingen en studenten in een bètatechnische richting in een studiejaar, per onderwijssoort en in totaal.',
     1, 'aantal',
     'Som van Aantal voor Fase = ingeschreven en Richting = betatechniek, over beide geslachten.',
     'Techniekpactmonitor',
     'Techniekpactmonitor: brede bètatechnische definitie, inclusief ICT.',
     NULL),
    ('gediplomeerden', 'Gediplomeerden bètatechnisch onderwijs',
     'Gediplomeerden van een bètatechnische richting in een studiejaar, per onderwijssoort en in totaal.',
     1, 'aantal',
     'Som van Aantal voor Fase = gediplomeerd en Richting = betatechniek, over beide geslachten.',
     'Techniekpactmonitor',
     'Techniekpactmonitor: brede bètatechnische definitie, inclusief ICT.',
     NULL),
    ('aandeel_betatechniek', 'Aandeel bètatechniek in de instroom',
     'Welk deel van alle instromers in een onderwijssoort voor een bètatechnische richting kiest.',
     1, 'procent',
     '100 × instroom betatechniek / instroom alle richtingen (betatechniek + overig); teller en noemer eerst opgeteld over geslachten, regio''s en onderwijssoorten.',
     'Techniekpactmonitor',
     'Techniekpactmonitor: brede bètatechnische definitie, inclusief ICT.',
     NULL),
    ('aandeel_vrouwen', 'Aandeel vrouwen in de instroom',
     'Aandeel vrouwen onder de instromers: in bètatechnisch onderwijs (domein techniek) en in ICT- en hybride opleidingen (domein ict).',
     1, 'procent',
     '100 × instroom vrouwen / instroom man + vrouw; techniek: Richting = betatechniek; ict: Type = ict of hybride.',
     'Techniekpactmonitor (techniek); pr-eDICT (ict)',
     'Techniek: Techniekpactmonitor, brede bètatechnische definitie inclusief ICT. ICT: pr-eDICT, kern-ICT- en hybride opleidingen in mbo, hbo en wo.',
     NULL),
    ('ict_opleiding_instroom', 'Instroom ICT-opleidingen',
     'Nieuwe studenten in ICT-opleidingen (kern-ICT en hybride) in mbo, hbo en wo.',
     1, 'aantal',
     'Som van Aantal voor Fase = instroom, per Type (ict, hybride) en in totaal, over geslachten en onderwijssoorten.',
     'pr-eDICT',
     'pr-eDICT: kern-ICT-opleidingen (ict) en opleidingen met een substantieel ICT-deel (hybride).',
     NULL),
    ('hybride_docenten', 'Hybride docenten',
     'Professionals uit het bedrijfsleven die ook lesgeven in technisch onderwijs, per onderwijssoort en in totaal.',
     1, 'aantal',
     'Som van Hybride_docenten over vmbo, mbo en hbo.',
     'Techniekpactmonitor',
     'Techniekpactmonitor: hybride docenten in vmbo, mbo en hbo.',
     NULL),
    ('werkzaam', 'Werkzamen',
     'Aantal werkenden in het domein aan het eind van het jaar.',
     2, 'aantal',
     'Som van Werkzaam over beide geslachten; landelijk de NL-rij of de som van de provincies.',
     'Techniekpactmonitor (techniek); pr-eDICT (ict)',
     'Techniek: Techniekpactmonitor, brede definitie van technische beroepen inclusief ICT. ICT: pr-eDICT, ICT-professionals in de digitale economie (ruimer dan de CBS-beroepsklasse ICT). Nooit bij elkaar optellen.',
     NULL),
    ('nettogroei', 'Nettogroei',
     'Verandering van het aantal werkenden ten opzichte van het jaar ervoor.',
     2, 'aantal',
     'Werkzaam eind jaar t − werkzaam eind jaar t−1.',
     'Techniekpactmonitor (techniek); pr-eDICT (ict)',
     'Als werkzaam: techniek en ict volgens hun eigen bron, nooit opgeteld.',
     NULL),
    ('instroom', 'Instroom arbeidsmarkt',
     'Mensen die in het jaar gaan werken in een beroep van het domein, per herkomst en in totaal.',
     2, 'aantal',
     'Som van Aantal voor Stroom = instroom, per Categorie (onderwijs, zij_instroom, buitenland, uitkering, overig) en in totaal.',
     'Techniekpactmonitor (techniek); pr-eDICT (ict)',
     'Als werkzaam: techniek en ict volgens hun eigen bron, nooit opgeteld.',
     NULL),
    ('zij_instroom', 'Zij-instroom',
     'Instroom vanuit een ander beroep of een andere sector.',
     2, 'aantal',
     'Aantal voor Stroom = instroom en Categorie = zij_instroom.',
     'Techniekpactmonitor (techniek); pr-eDICT (ict)',
     'Als werkzaam: techniek en ict volgens hun eigen bron, nooit opgeteld.',
     NULL),
    ('zij_instroom_aandeel', 'Aandeel zij-instroom',
     'Deel van de totale instroom dat uit een ander beroep of een andere sector komt.',
     2, 'procent',
     '100 × zij-instroom / totale instroom.',
     'Techniekpactmonitor (techniek); pr-eDICT (ict)',
     'Als werkzaam: techniek en ict volgens hun eigen bron, nooit opgeteld.',
     NULL),
    ('uitstroom', 'Uitstroom',
     'Mensen die in het jaar stoppen met werken in het domein, per bestemming en in totaal.',
     2, 'aantal',
     'Som van Aantal voor Stroom = uitstroom, per Categorie (ander_werk, pensioen, uitkering, buitenland, overig) en in totaal.',
     'Techniekpactmonitor (techniek); pr-eDICT (ict)',
     'Als werkzaam: techniek en ict volgens hun eigen bron, nooit opgeteld.',
     NULL),
    ('saldo_stromen', 'Saldo van de stromen',
     'Instroom min uitstroom in het jaar. Kan afwijken van de nettogroei omdat bronnen stromen en bestand verschillend meten; beide worden getoond.',
     2, 'aantal',
     'Totale instroom jaar t − totale uitstroom jaar t.',
     'Techniekpactmonitor (techniek); pr-eDICT (ict)',
     'Als werkzaam: techniek en ict volgens hun eigen bron, nooit opgeteld.',
     NULL),
    ('behoud', 'Behoud',
     'Deel van de werkenden van eind vorig jaar dat in het jaar niet uitstroomt.',
     2, 'procent',
     '100 × (1 − uitstroom jaar t / werkzaam eind jaar t−1); teller = werkzaam t−1 − uitstroom t, noemer = werkzaam t−1.',
     'Techniekpactmonitor (techniek); pr-eDICT (ict)',
     'Als werkzaam: techniek en ict volgens hun eigen bron, nooit opgeteld.',
     NULL),
    ('groeitekort', 'Groeitekort ten opzichte van {norm} per jaar',
     'Hoeveel de nettogroei van het aantal ICT-professionals achterblijft bij de benodigde {norm} per jaar.',
     2, 'aantal',
     '{norm} − nettogroei ICT (landelijk); de norm is de minimumregel van nettogroei ICT landelijk in reference/doelen.csv, in de jaren waarin die geldt.',
     'pr-eDICT',
     'pr-eDICT: ICT-professionals in de digitale economie.',
     NULL),
    ('benodigd_tempo', 'Benodigd groeitempo naar {doel}',
     'Gemiddelde groei per jaar die vanaf jaar t nog nodig is om in {doeljaar} {doel} ICT-professionals te hebben.',
     2, 'aantal',
     '({doel} − werkzaam eind jaar t) / ({doeljaar} − t), voor t vóór {doeljaar}; doel en doeljaar uit de padregel van werkzaam ICT landelijk in reference/doelen.csv.',
     'pr-eDICT',
     'pr-eDICT: ICT-professionals in de digitale economie.',
     NULL),
    ('jaar_een_miljoen', 'Jaar waarin {doel} wordt bereikt',
     'Het jaar waarin het aantal ICT-professionals {doel} bereikt als de gemiddelde nettogroei van de laatste drie jaar aanhoudt.',
     2, 'jaar',
     't + ⌈({doel} − werkzaam eind jaar t) / gemiddelde nettogroei van jaar t−2, t−1 en t⌉; geen waarde (label ''niet bij huidig tempo'') als dat gemiddelde 0 of negatief is. Het doel is de Waarde van de padregel van werkzaam ICT landelijk in reference/doelen.csv.',
     'pr-eDICT',
     'pr-eDICT: ICT-professionals in de digitale economie.',
     NULL),
    ('openstaande_vacatures', 'Openstaande vacatures',
     'Vacatures die aan het eind van het kwartaal openstaan.',
     2, 'aantal',
     'Som van Openstaande_vacatures over de arbeidsmarktregio''s (en beroepsklassen voor totaal). Categorie ''vacaturebestand'': dezelfde telling uit het UWV-bestand met afzonderlijke vacatures (Aantal_posities van vacatures ontstaan op of voor de laatste dag van het kwartaal en toen nog niet vervuld), alleen voor kwartalen die dat bestand geheel dekt.',
     'UWV',
     'UWV, beroepenindeling ROA-CBS 2014 (BRC): techniek = klasse 07 technische beroepen, ict = klasse 08 ICT-beroepen, totaal = alle 13 klassen.',
     NULL),
    ('ww_kort', 'WW korter dan een half jaar',
     'Mensen met een WW-uitkering die korter dan zes maanden loopt.',
     2, 'aantal',
     'Som van WW_korter_dan_half_jaar over de arbeidsmarktregio''s (en beroepsklassen voor totaal).',
     'UWV',
     'UWV, beroepenindeling ROA-CBS 2014 (BRC): techniek = klasse 07, ict = klasse 08, totaal = alle klassen.',
     NULL),
    ('spanningsindicator', 'Spanningsindicator',
     'Openstaande vacatures per persoon met een korte WW-uitkering; typering van zeer ruim tot zeer krap.',
     2, 'ratio',
     'Som openstaande vacatures / som WW korter dan een half jaar (nooit het gemiddelde van regionale verhoudingen). Typering: < 0,25 zeer ruim; 0,25–0,67 ruim; 0,67–1,5 gemiddeld; 1,5–4 krap; ≥ 4 zeer krap.',
     'UWV',
     'UWV, beroepenindeling ROA-CBS 2014 (BRC): techniek = klasse 07, ict = klasse 08, totaal = alle klassen.',
     NULL),
    ('baanopeningen', 'Baanopeningen',
     'Verwachte baanopeningen over de prognoseperiode: uitbreidingsvraag (als die positief is) plus vervangingsvraag.',
     2, 'aantal',
     'Som van Baanopeningen over de beroepsklassen van het domein.',
     'ROA',
     'ROA-prognoses, beroepenindeling ROA-CBS 2014 (BRC): techniek = klasse 07, ict = klasse 08, totaal = alle klassen.',
     NULL),
    ('instroom_schoolverlaters', 'Instroom schoolverlaters',
     'Verwachte instroom van schoolverlaters over de prognoseperiode.',
     2, 'aantal',
     'Som van Instroom_schoolverlaters over de beroepsklassen van het domein.',
     'ROA',
     'ROA-prognoses, BRC: techniek = klasse 07, ict = klasse 08, totaal = alle klassen.',
     NULL),
    ('verwacht_tekort', 'Verwacht tekort',
     'Baanopeningen die naar verwachting niet door schoolverlaters worden gevuld (negatief: verwacht overschot).',
     2, 'aantal',
     'Baanopeningen − instroom schoolverlaters over dezelfde periode.',
     'ROA',
     'ROA-prognoses, BRC: techniek = klasse 07, ict = klasse 08, totaal = alle klassen.',
     NULL),
    ('roa_knelpunt', 'Toekomstige knelpunten in de personeelsvoorziening',
     'ROA-indicator voor toekomstige knelpunten in de personeelsvoorziening (ITKP) met de typering van ROA.',
     2, 'ratio',
     'ITKP zoals ROA die levert; label = Typering (geen, enige, groot, zeer groot). Alleen per beroepsklasse (07, 08), niet opgeteld.',
     'ROA',
     'ROA-prognoses, BRC: techniek = klasse 07, ict = klasse 08.',
     NULL),
    -- Pillars 3 and 4: the codes the shipped target register names (their values come with the cbs/ and programma/ models).
    ('arbeidsproductiviteit_groei', 'Groei van de arbeidsproductiviteit',
     'Procentuele volumegroei van de toegevoegde waarde per gewerkt uur ten opzichte van het jaar ervoor, voor de hele economie en per bedrijfstak.',
     3, 'procent',
     'Productiviteit_mutatie zoals CBS die levert; de hele economie is de geleverde rij totaal, nooit een optelling of gemiddelde van bedrijfstakken.',
     'CBS',
     'CBS, nationale rekeningen, bedrijfstakken volgens SBI 2008.',
     NULL),
    ('overleggen', 'Gehouden overleggen',
     'Aantal overleggen van de governance dat in het jaar is gehouden, per soort overleg.',
     4, 'aantal',
     'Aantal overleggen per jaar en soort overleg (Datum in het jaar).',
     'Programmabureau',
     'Programmabureau Actieplan Groene en Digitale Banen: overleggen van de governance.',
     NULL)
    ) AS c(code, naam, beschrijving, pijler, unit, formule, bron, definitie, doelregel)
),
regels AS (
    SELECT d.indicator,
           string_agg(intermediate.doel_tekst(d.domain, d.region, d.category, d.soort, d.waarde, d.basisjaar, d.doeljaar, d.bron, c.unit), '; '
                      ORDER BY d.domain, d.region, d.category NULLS FIRST, d.basisjaar NULLS FIRST) || '.' AS doelregel
    FROM ref.doelen AS d
    JOIN c ON c.code = d.indicator
    GROUP BY d.indicator
)
SELECT
    CAST(c.code AS VARCHAR) AS code,
    CAST(replace(replace(replace(c.naam, '{norm}', coalesce(intermediate.nl_getal(norm.norm), 'de norm')),
        '{doel}', coalesce(intermediate.nl_getal(doel.doel), 'het doel')), '{doeljaar}', coalesce(CAST(doel.doeljaar AS VARCHAR), 'het doeljaar')) AS VARCHAR) AS naam,
    CAST(replace(replace(replace(c.beschrijving, '{norm}', coalesce(intermediate.nl_getal(norm.norm), 'de norm')),
        '{doel}', coalesce(intermediate.nl_getal(doel.doel), 'het doel')), '{doeljaar}', coalesce(CAST(doel.doeljaar AS VARCHAR), 'het doeljaar')) AS VARCHAR) AS beschrijving,
    CAST(c.pijler AS INTEGER) AS pijler,
    CAST(c.unit AS VARCHAR) AS unit,
    CAST(replace(replace(replace(c.formule, '{norm}', coalesce(intermediate.nl_getal(norm.norm), 'de norm')),
        '{doel}', coalesce(intermediate.nl_getal(doel.doel), 'het doel')), '{doeljaar}', coalesce(CAST(doel.doeljaar AS VARCHAR), 'het doeljaar')) AS VARCHAR) AS formule,
    CAST(c.bron AS VARCHAR) AS bron,
    CAST(c.definitie AS VARCHAR) AS definitie,
    CAST(r.doelregel AS VARCHAR) AS doelregel
FROM c
CROSS JOIN norm
CROSS JOIN doel
LEFT JOIN regels AS r ON r.indicator = c.code
ORDER BY c.pijler, c.code;
