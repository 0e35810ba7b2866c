// For every indicator, the SQL that lists the input cells a mart value was computed from: the
// same intermediate cell views the mart models aggregate (so the lineage cannot drift from the
// mart), with each cell's value, status, vintage, extract and line number.
// Parameters: $period (the period text), $period_order (its year), $region, $domain, $category.
namespace Monitor.Indicators;

public static class ExplainQueries
{
    /// <summary>Columns every query returns, in this order.</summary>
    public const string Columns =
        "role, dataset, period, input_region, input_key, measure, value, value_status, vintage, extract_id, line_number";

    static string TpmOnderwijs(string role, string filter) => $"""
        SELECT {role} AS role, dataset, studiejaar AS period, input_region,
               concat_ws(' / ', onderwijssoort, fase, richting, geslacht) AS input_key,
               'aantal' AS measure, CAST(aantal AS DOUBLE) AS value, aantal_status AS value_status,
               vintage, extract_id, line_number
        FROM intermediate.int_tpm_onderwijs_cells
        WHERE studiejaar = $period AND region = $region
          AND ($category IS NULL OR onderwijssoort = $category)
          AND {filter}
        """;

    static string PredictOnderwijs(string role, string categoryColumn) => $"""
        SELECT {role} AS role, dataset, studiejaar AS period, input_region,
               concat_ws(' / ', onderwijssoort, fase, type, geslacht) AS input_key,
               'aantal' AS measure, CAST(aantal AS DOUBLE) AS value, aantal_status AS value_status,
               vintage, extract_id, line_number
        FROM intermediate.int_predict_onderwijs_cells
        WHERE studiejaar = $period AND region = $region AND fase = 'instroom'
          AND ($category IS NULL OR {categoryColumn} = $category)
        """;

    /// <summary>Stock rows of the years <paramref name="fromOffset"/>..<paramref name="toOffset"/> before the period.</summary>
    static string Werkzaam(int fromOffset, int toOffset) => $"""
        SELECT 'werkzaam ' || CASE WHEN jaar = $period_order THEN 't' ELSE 't-' || CAST($period_order - jaar AS VARCHAR) END AS role,
               dataset, CAST(jaar AS VARCHAR) AS period, input_region, geslacht AS input_key,
               'werkzaam' AS measure, CAST(werkzaam AS DOUBLE) AS value, werkzaam_status AS value_status,
               vintage, extract_id, line_number
        FROM intermediate.int_werkzaam_cells
        WHERE domain = $domain AND region = $region
          AND jaar BETWEEN $period_order - {fromOffset} AND $period_order - {toOffset}
        """;

    static string Stromen(string role, string filter) => $"""
        SELECT {role} AS role, dataset, CAST(jaar AS VARCHAR) AS period, input_region,
               concat_ws(' / ', stroom, categorie) AS input_key,
               'aantal' AS measure, CAST(aantal AS DOUBLE) AS value, aantal_status AS value_status,
               vintage, extract_id, line_number
        FROM intermediate.int_stromen_cells
        WHERE domain = $domain AND region = $region AND jaar = $period_order
          AND {filter}
        """;

    static string Uwv(string measure, string role) => ClassCells("intermediate.int_uwv_cells", "periode", measure, role);

    static string Roa(string measure, string role) => ClassCells("intermediate.int_roa_cells", "prognoseperiode", measure, role);

    /// <summary>The input rows of a figure summed over occupation classes (UWV, ROA): one per class, region and vintage.</summary>
    static string ClassCells(string table, string periodColumn, string measure, string role) => $"""
        SELECT '{role}' AS role, dataset, {periodColumn} AS period, input_region,
               'beroepsklasse ' || beroepsklasse AS input_key,
               '{measure}' AS measure, CAST({measure} AS DOUBLE) AS value, {measure}_status AS value_status,
               vintage, extract_id, line_number
        FROM {table}
        WHERE domain = $domain AND {periodColumn} = $period AND region = $region
        """;

    const string Docenten = """
        SELECT 'summed' AS role, 'tpm_docenten' AS dataset, CAST(jaar AS VARCHAR) AS period, 'NL' AS input_region,
               onderwijssoort AS input_key,
               'hybride_docenten' AS measure, CAST(hybride_docenten AS DOUBLE) AS value, hybride_docenten_status AS value_status,
               vintage, extract_id, line_number
        FROM staging.stg_tpm_docenten
        WHERE jaar = $period_order AND $region = 'NL'
          AND ($category IS NULL OR onderwijssoort = $category)
        """;

    const string RoaKnelpunt = """
        SELECT 'value' AS role, dataset, prognoseperiode AS period, input_region,
               'beroepsklasse ' || beroepsklasse || ', typering ' || coalesce(typering, '(' || typering_status || ')') AS input_key,
               'itkp' AS measure, itkp AS value, itkp_status AS value_status,
               vintage, extract_id, line_number
        FROM intermediate.int_roa_cells
        WHERE domain = $domain AND prognoseperiode = $period AND region = $region
        """;

    // ---- Pillars 2 (diversity), 3 and 4 ----

    const string WerkzaamBySex = """
        SELECT CASE WHEN geslacht = 'vrouw' THEN 'numerator, denominator' ELSE 'denominator' END AS role,
               dataset, CAST(jaar AS VARCHAR) AS period, input_region, geslacht AS input_key,
               'werkzaam' AS measure, CAST(werkzaam AS DOUBLE) AS value, werkzaam_status AS value_status,
               vintage, extract_id, line_number
        FROM intermediate.int_werkzaam_cells
        WHERE domain = $domain AND region = $region AND jaar = $period_order
        """;

    /// <summary>The delivered CBS cell (role value) and, beside it, the two changes its identity was checked against.</summary>
    static string Productivity()
    {
        static string Cell(string role, string measure) => $"""
            SELECT '{role}' AS role, 'cbs_arbeidsproductiviteit' AS dataset, CAST(jaar AS VARCHAR) AS period, 'NL' AS input_region,
                   'bedrijfstak ' || bedrijfstak || ', ' || status AS input_key,
                   '{measure}' AS measure, {measure} AS value, {measure}_status AS value_status,
                   vintage, extract_id, line_number
            FROM staging.stg_cbs_arbeidsproductiviteit
            WHERE jaar = $period_order AND $region = 'NL' AND bedrijfstak = coalesce($category, 'totaal')
            """;
        return Union(Cell("value", "productiviteit_mutatie"), Cell("identity", "toegevoegde_waarde_mutatie"), Cell("identity", "arbeidsvolume_mutatie"));
    }

    /// <summary>The actions of the quarter's last register vintage that the count takes (value 1 each).</summary>
    static string Acties(string role, string filter) => $"""
        SELECT {role} AS role, 'programma_acties' AS dataset, periode AS period, 'NL' AS input_region,
               actie_id || ' pijler ' || CAST(pijler AS VARCHAR) || ', ' || status || ', gepland gereed ' || CAST(gepland_gereed AS VARCHAR)
                   || CASE WHEN achter_schema THEN ', achter op schema' WHEN op_schema THEN ', op schema' ELSE '' END AS input_key,
               'actie' AS measure, CAST(1 AS DOUBLE) AS value, CAST(NULL AS VARCHAR) AS value_status,
               vintage, extract_id, line_number
        FROM staging.stg_programma_acties_vintages
        WHERE last_in_quarter AND periode = $period AND $region = 'NL'
          AND ($category IS NULL OR 'pijler' || CAST(pijler AS VARCHAR) = $category)
          AND {filter}
        """;

    static string Overleggen(string role, string measure, string value, string status) => $"""
        SELECT {role} AS role, 'programma_overleggen' AS dataset, CAST(jaar AS VARCHAR) AS period, 'NL' AS input_region,
               overleg || ' ' || CAST(datum AS VARCHAR) AS input_key,
               '{measure}' AS measure, CAST({value} AS DOUBLE) AS value, {status} AS value_status,
               vintage, extract_id, line_number
        FROM staging.stg_programma_overleggen
        WHERE jaar = $period_order AND overleg = $category AND $region = 'NL'
        """;

    static string Union(params string[] parts) => string.Join("\nUNION ALL\n", parts);

    /// <summary>The input query for one indicator in one domain, or null when there is none.</summary>
    public static string? For(string indicator, string domain) => (indicator, domain) switch
    {
        ("onderwijs_instroom", "techniek") => TpmOnderwijs("'summed'", "fase = 'instroom' AND richting = 'betatechniek'"),
        ("onderwijs_ingeschreven", "techniek") => TpmOnderwijs("'summed'", "fase = 'ingeschreven' AND richting = 'betatechniek'"),
        ("gediplomeerden", "techniek") => TpmOnderwijs("'summed'", "fase = 'gediplomeerd' AND richting = 'betatechniek'"),
        ("aandeel_betatechniek", "techniek") => TpmOnderwijs(
            "CASE WHEN richting = 'betatechniek' THEN 'numerator, denominator' ELSE 'denominator' END",
            "fase = 'instroom'"),
        ("aandeel_vrouwen", "techniek") => TpmOnderwijs(
            "CASE WHEN geslacht = 'vrouw' THEN 'numerator, denominator' ELSE 'denominator' END",
            "fase = 'instroom' AND richting = 'betatechniek'"),
        ("aandeel_vrouwen", "ict") => PredictOnderwijs(
            "CASE WHEN geslacht = 'vrouw' THEN 'numerator, denominator' ELSE 'denominator' END", "onderwijssoort"),
        ("ict_opleiding_instroom", "ict") => PredictOnderwijs("'summed'", "type"),
        ("hybride_docenten", "techniek") => Docenten,

        ("werkzaam", _) => Werkzaam(0, 0),
        ("nettogroei" or "groeitekort", _) => Werkzaam(1, 0),
        ("benodigd_tempo", _) => Werkzaam(0, 0),
        ("jaar_een_miljoen", _) => Werkzaam(3, 0),
        ("instroom" or "uitstroom", _) => Stromen("'summed'", $"stroom = '{indicator}' AND ($category IS NULL OR categorie = $category)"),
        ("zij_instroom", _) => Stromen("'summed'", "stroom = 'instroom' AND categorie = 'zij_instroom'"),
        ("zij_instroom_aandeel", _) => Stromen(
            "CASE WHEN categorie = 'zij_instroom' THEN 'numerator, denominator' ELSE 'denominator' END", "stroom = 'instroom'"),
        ("saldo_stromen", _) => Stromen("CASE WHEN stroom = 'instroom' THEN 'instroom (+)' ELSE 'uitstroom (-)' END", "true"),
        ("behoud", _) => Union(Stromen("'uitstroom t'", "stroom = 'uitstroom'"), Werkzaam(1, 1)),

        ("openstaande_vacatures", _) => Uwv("openstaande_vacatures", "summed"),
        ("ww_kort", _) => Uwv("ww_korter_dan_half_jaar", "summed"),
        ("spanningsindicator", _) => Union(Uwv("openstaande_vacatures", "numerator"), Uwv("ww_korter_dan_half_jaar", "denominator")),

        ("baanopeningen", _) => Roa("baanopeningen", "summed"),
        ("instroom_schoolverlaters", _) => Roa("instroom_schoolverlaters", "summed"),
        ("verwacht_tekort", _) => Union(Roa("baanopeningen", "baanopeningen (+)"), Roa("instroom_schoolverlaters", "instroom_schoolverlaters (-)")),
        ("roa_knelpunt", _) => RoaKnelpunt,

        ("aandeel_vrouwen_werkzaam", _) => WerkzaamBySex,
        ("arbeidsproductiviteit_groei", _) => Productivity(),
        ("acties", _) => Acties("'counted'", "true"),
        ("acties_afgerond", _) => Acties("'counted'", "status = 'afgerond'"),
        ("acties_achter_schema", _) => Acties("'counted'", "achter_schema"),
        ("aandeel_acties_op_schema", _) => Acties(
            "CASE WHEN op_schema THEN 'numerator, denominator' ELSE 'denominator' END", "status <> 'gestopt'"),
        ("overleggen", _) => Overleggen("'counted'", "overleg", "1", "CAST(NULL AS VARCHAR)"),
        ("aanwezigheid", _) => Union(
            Overleggen("'numerator'", "aanwezig", "aanwezig", "aanwezig_status"),
            Overleggen("'denominator'", "genodigd", "genodigd", "genodigd_status")),
        _ => null,
    };
}
