using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Platform.Files;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

public sealed class OccupationCatalogueTests
{
    private const string Cook = "http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e";
    private const string Electrician = "http://data.europa.eu/esco/occupation/4910419f-b4af-4f59-b544-9dbebc8a74f0";
    private const string CargoVehicleDriver = "http://data.europa.eu/esco/occupation/45037d43-a8f5-4f46-b332-b2935bc305f4";

    private static readonly OccupationCatalogue Catalogue = new();

    private static List<string> DutchLabels(string query, int limit = 20) =>
        [.. Catalogue.Search(query, limit).Select(m => m.Occupation.LabelNl)];

    [Fact]
    public void The_catalogue_holds_all_2939_ESCO_occupations_with_labels_in_both_languages()
    {
        var occupations = Catalogue.Occupations;

        Assert.Equal(2939, occupations.Count);
        Assert.Equal(2939, occupations.Select(o => o.Uri).Distinct().Count());
        Assert.All(occupations, o =>
        {
            Assert.StartsWith("http://data.europa.eu/esco/occupation/", o.Uri, StringComparison.Ordinal);
            Assert.Matches("^[0-9]{4}$", o.IscoGroup);
            Assert.False(string.IsNullOrWhiteSpace(o.LabelNl));
            Assert.False(string.IsNullOrWhiteSpace(o.LabelEn));
            Assert.All(o.AlternativeLabelsNl.Concat(o.AlternativeLabelsEn), a => Assert.False(string.IsNullOrWhiteSpace(a)));
        });
    }

    [Fact]
    public void Labels_lose_the_soft_hyphens_and_odd_spaces_that_ESCO_carries()
    {
        var labels = Catalogue.Occupations
            .SelectMany(o => new[] { o.LabelNl, o.LabelEn }.Concat(o.AlternativeLabelsNl).Concat(o.AlternativeLabelsEn))
            .ToList();

        Assert.DoesNotContain(labels, l => l.Contains('\u00AD', StringComparison.Ordinal));
        Assert.DoesNotContain(labels, l => l.Contains('\u200B', StringComparison.Ordinal));
        Assert.DoesNotContain(labels, l => l.Contains('\u00A0', StringComparison.Ordinal));
        Assert.DoesNotContain(labels, l => l.Contains("  ", StringComparison.Ordinal));
        Assert.Contains("groothandelaar in computers, randapparatuur en software", DutchLabels("randapparatuur"));
    }

    [Fact]
    public void Typing_kok_finds_the_cook_first()
    {
        var results = Catalogue.Search("kok");

        Assert.Equal(Cook, results[0].Occupation.Uri);
        Assert.Equal("cook", results[0].Occupation.LabelEn);
        Assert.Null(results[0].MatchedAlternativeLabel);
        Assert.Equal("industriële kok", results[1].Occupation.LabelNl);
    }

    [Theory]
    [InlineData("kok", "kok")]
    [InlineData("cook", "kok")]
    [InlineData("kapper", "kapper")]
    [InlineData("hairdresser", "kapper")]
    [InlineData("lasser", "lasser")]
    [InlineData("welder", "lasser")]
    [InlineData("tandarts", "tandarts")]
    [InlineData("vrachtwagenchauffeur", "vrachtwagenchauffeur")]
    [InlineData("naaister", "naaister")]
    [InlineData("tailor", "herenkleermaker")]
    [InlineData("leraar basisonderwijs", "leraar basisonderwijs")]
    [InlineData("electrician", "monteur elektrische installaties")]
    public void A_common_trade_typed_in_Dutch_or_English_comes_first(string query, string expectedDutchLabel)
    {
        var first = Catalogue.Search(query)[0];

        Assert.Equal(expectedDutchLabel, first.Occupation.LabelNl);
        Assert.Null(first.MatchedAlternativeLabel);
    }

    [Fact]
    public void Typing_elektricien_finds_the_electrician_through_its_alternative_label_after_labels_that_start_with_it()
    {
        var results = Catalogue.Search("elektricien");

        // ESCO's Dutch preferred label for an electrician is "monteur elektrische installaties".
        Assert.Equal(["elektricien evenementen", "auto-elektricien", "teamleider elektriciens"], results.Take(3).Select(m => m.Occupation.LabelNl));
        Assert.Equal(Electrician, results[3].Occupation.Uri);
        Assert.Equal("elektricien", results[3].MatchedAlternativeLabel);
        Assert.Equal("monteur elektrische installaties gebouwen", results[4].Occupation.LabelNl);
        Assert.Equal("elektricien", results[4].MatchedAlternativeLabel);
    }

    [Fact]
    public void Typing_truck_driver_finds_the_vrachtwagenchauffeur_through_its_English_alternative_label()
    {
        var results = Catalogue.Search("truck driver");

        Assert.Equal("moving truck driver", results[0].Occupation.LabelEn);
        Assert.Equal(CargoVehicleDriver, results[1].Occupation.Uri);
        Assert.Equal("vrachtwagenchauffeur", results[1].Occupation.LabelNl);
        Assert.Equal("truck driver", results[1].MatchedAlternativeLabel);
    }

    [Fact]
    public void Typing_kleermaker_finds_both_tailors_and_names_the_alternative_label_that_matched()
    {
        var results = Catalogue.Search("kleermaker");

        Assert.Equal(["dames- en kinderkleermaker", "herenkleermaker"], results.Take(2).Select(m => m.Occupation.LabelNl));
        Assert.Equal(["dressmaker", "tailor"], results.Take(2).Select(m => m.Occupation.LabelEn));
        Assert.Equal(["kleermaker", "kleermaker"], results.Take(2).Select(m => m.MatchedAlternativeLabel));
    }

    [Fact]
    public void A_hit_on_an_alternative_label_says_which_one_and_a_hit_on_a_preferred_label_says_nothing()
    {
        var results = Catalogue.Search("kok");

        var kitchenAssistant = Assert.Single(results, m => m.Occupation.LabelNl == "keukenhulp");
        Assert.Equal("hulpkok", kitchenAssistant.MatchedAlternativeLabel);
        var headChef = Assert.Single(results, m => m.Occupation.LabelNl == "chefkok");
        Assert.Equal("chef-kok", headChef.MatchedAlternativeLabel);
        var dietCook = Assert.Single(results, m => m.Occupation.LabelNl == "dieetkok");
        Assert.Null(dietCook.MatchedAlternativeLabel);
    }

    [Fact]
    public void An_exact_label_comes_before_one_that_starts_with_the_query_before_a_word_before_an_alternative_before_contains()
    {
        var labels = DutchLabels("kapper");

        Assert.Equal("kapper", labels[0]);
        Assert.Equal("kappershulp", labels[1]);
        Assert.Equal("vakdocent kapper beroepsonderwijs", labels[2]);
        Assert.Equal("manager schoonheidssalon", labels[3]);
        Assert.True(labels.IndexOf("grimeur") < labels.IndexOf("herenkapper"));
        Assert.True(labels.IndexOf("herenkapper") < labels.IndexOf("steenkapper"));
    }

    [Fact]
    public void A_label_containing_the_query_comes_after_alternative_labels_that_start_with_it_and_preferred_before_alternative()
    {
        var labels = DutchLabels("kok");

        Assert.Equal(["kok", "industriële kok", "chefkok", "vakdocent voeding beroepsonderwijs", "dieetkok", "privékok", "poissonnier"], labels.Take(7));
    }

    [Fact]
    public void English_preferred_labels_rank_like_Dutch_ones()
    {
        var labels = Catalogue.Search("teacher").Select(m => m.Occupation.LabelEn).ToList();

        Assert.Equal("teacher of talented and gifted students", labels[0]);
        Assert.Equal(["dance teacher", "drama teacher", "music teacher"], labels.Skip(1).Take(3));
    }

    [Fact]
    public void Ties_go_to_the_shorter_label_and_then_to_the_alphabetically_first()
    {
        var labels = DutchLabels("leraar");

        Assert.Equal(["leraar dans", "leraar drama", "leraar fotografie", "leraar gebarentaal", "leraar talenschool"], labels.Take(5));
        var welders = DutchLabels("lasser");
        Assert.True(welders.IndexOf("pijplasser") < welders.IndexOf("puntlasser"));
        Assert.True(welders.IndexOf("puntlasser") < welders.IndexOf("laserlasser"));
        Assert.Equal(welders, DutchLabels("lasser"));
    }

    [Theory]
    [InlineData("cafe", "café")]
    [InlineData("CAFE", "café")]
    [InlineData("coordinator", "coördinator")]
    [InlineData("industriele kok", "industriële kok")]
    [InlineData("maitre d'hotel", "maître d'hôtel")]
    public void Accents_and_capitals_do_not_matter(string typed, string written)
    {
        var plain = Catalogue.Search(typed);
        var accented = Catalogue.Search(written);

        Assert.NotEmpty(plain);
        Assert.Equal(accented, plain);
        Assert.Contains(plain, m => AllLabels(m.Occupation).Any(l => l.Contains(written, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Typing_coordinator_without_the_diaeresis_finds_the_coordinators()
    {
        var results = Catalogue.Search("coordinator");

        Assert.Equal(20, results.Count);
        Assert.StartsWith("coördinator ", results[0].Occupation.LabelNl, StringComparison.Ordinal);
        Assert.Equal("industriële kok", Catalogue.Search("industriele kok")[0].Occupation.LabelNl);
        var waiter = Assert.Single(Catalogue.Search("cafe"), m => m.Occupation.LabelEn == "waiter/waitress");
        Assert.Equal("bediende in café", waiter.MatchedAlternativeLabel);
    }

    [Fact]
    public void Every_word_of_a_query_must_match_in_any_order()
    {
        var inOrder = Catalogue.Search("leraar basisonderwijs");
        var reversed = Catalogue.Search("basisonderwijs leraar");

        Assert.Equal(["leraar basisonderwijs", "leraar speciaal basisonderwijs"], inOrder.Select(m => m.Occupation.LabelNl));
        Assert.Contains(reversed, m => m.Occupation.LabelNl == "leraar basisonderwijs");
        Assert.All(reversed, m =>
        {
            Assert.Contains(AllLabels(m.Occupation), l => l.Contains("basisonderwijs", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(AllLabels(m.Occupation), l => l.Contains("leraar", StringComparison.OrdinalIgnoreCase));
        });
        Assert.Empty(Catalogue.Search("leraar astronaut"));
        Assert.Empty(Catalogue.Search("kok xyzzy"));
    }

    [Fact]
    public void Words_may_match_in_different_labels_and_languages()
    {
        var results = Catalogue.Search("kapper hairdresser");

        Assert.Equal(["kapper", "kappershulp", "toneelkapper"], results.Select(m => m.Occupation.LabelNl));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("k")]
    [InlineData(" k ")]
    [InlineData("é")]
    public void Empty_and_one_letter_queries_find_nothing(string? query)
    {
        Assert.Empty(Catalogue.Search(query));
    }

    [Fact]
    public void A_two_letter_query_already_finds_occupations()
    {
        Assert.Equal("kok", DutchLabels("ko")[0]);
    }

    [Fact]
    public void Search_returns_twenty_results_unless_asked_for_another_number()
    {
        Assert.Equal(20, Catalogue.Search("leraar").Count);
        Assert.Equal(5, Catalogue.Search("leraar", limit: 5).Count);
        Assert.Equal(DutchLabels("leraar").Take(5), DutchLabels("leraar", 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Catalogue.Search("leraar", limit: 0));
    }

    [Fact]
    public void Find_returns_the_occupation_that_search_found_by_its_URI()
    {
        var found = Catalogue.Search("kok")[0].Occupation;

        Assert.Same(found, Catalogue.Find(found.Uri));
        Assert.Equal("kok", Catalogue.Find(Cook)?.LabelNl);
        Assert.All(Catalogue.Occupations, o => Assert.Same(o, Catalogue.Find(o.Uri)));
        Assert.Null(Catalogue.Find("http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000"));
        Assert.Null(Catalogue.Find(""));
    }

    [Fact]
    public void The_occupation_keeps_its_alternative_labels_in_both_languages_without_repeats()
    {
        var cook = Catalogue.Find(Cook)!;

        Assert.Contains("hulpkok", Catalogue.Find(Catalogue.Search("hulpkok")[0].Occupation.Uri)!.AlternativeLabelsNl);
        Assert.Contains("fry cook", cook.AlternativeLabelsEn);
        Assert.NotEmpty(cook.AlternativeLabelsNl);
        var carpenter = Catalogue.Search("timmerman")[0].Occupation;
        Assert.Equal("timmerman", carpenter.LabelNl);
        Assert.DoesNotContain("timmerman", carpenter.AlternativeLabelsNl);
        Assert.Contains("timmerman binnenwerk", carpenter.AlternativeLabelsNl);
    }

    [Fact]
    public void ISCO_groups_have_English_labels_and_their_broader_groups()
    {
        Assert.Equal("Graphic and multimedia designers", Catalogue.IscoGroupLabel("2166"));
        Assert.Equal("Architects, planners, surveyors and designers", Catalogue.IscoGroupLabel("216"));
        Assert.Equal("Cooks", Catalogue.IscoGroupLabel(Catalogue.Find(Cook)!.IscoGroup));
        Assert.Null(Catalogue.IscoGroupLabel("9999"));
        Assert.Null(Catalogue.IscoGroupLabel(""));

        var groups = Catalogue.IscoGroupAndParents("2166");
        Assert.Equal(["2", "21", "216", "2166"], groups.Select(g => g.Code));
        Assert.Equal("Professionals", groups[0].Label);
        Assert.Equal("Science and engineering professionals", groups[1].Label);
        Assert.Equal("2166 Graphic and multimedia designers", groups[3].ToString());
        Assert.Empty(Catalogue.IscoGroupAndParents(""));
    }

    [Fact]
    public void Every_occupation_belongs_to_a_known_ISCO_group_and_its_three_broader_groups()
    {
        Assert.All(Catalogue.Occupations, o =>
            Assert.Equal(
                [o.IscoGroup[..1], o.IscoGroup[..2], o.IscoGroup[..3], o.IscoGroup],
                Catalogue.IscoGroupAndParents(o.IscoGroup).Select(g => g.Code)));
    }

    [Fact]
    public void Searching_from_many_requests_at_once_on_first_use_gives_the_same_answer()
    {
        var fresh = new OccupationCatalogue();
        var expected = Catalogue.Search("monteur").Select(m => m.Occupation.Uri).ToList();

        var answers = new List<string>[16];
        Parallel.For(0, answers.Length, i => answers[i] = [.. fresh.Search("monteur").Select(m => m.Occupation.Uri)]);

        Assert.All(answers, a => Assert.Equal(expected, a));
    }

    [Fact]
    public void The_csv_reader_keeps_commas_quotes_and_line_breaks_inside_quoted_fields()
    {
        using var csv = new StringReader("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,\"\",last\n\nend");

        var records = CsvText.ReadRecords(csv).ToList();

        Assert.Equal(4, records.Count);
        Assert.Equal(["a", "b", "c"], records[0]);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], records[1]);
        Assert.Equal(["", "", "last"], records[2]);
        Assert.Equal(["end"], records[3]);
        Assert.Throws<InvalidDataException>(() => CsvText.ReadRecords(new StringReader("\"open")).ToList());
    }

    [Fact]
    public void A_catalogue_read_from_quoted_CSV_keeps_the_commas_and_quotes_in_its_labels()
    {
        const string Occupations = """"
            uri,isco_group,label_nl,label_en,alt_labels_nl,alt_labels_en
            urn:test:1,7531,"kleermaker, heren","tailor ""bespoke""","maatkleermaker|herenkleermaker",
            """";
        const string Groups = """
            code,label_en
            7531,"Tailors, dressmakers, furriers and hatters"
            """;
        var catalogue = new OccupationCatalogue(() => new StringReader(Occupations), () => new StringReader(Groups));

        var tailor = Assert.Single(catalogue.Occupations);
        Assert.Equal("kleermaker, heren", tailor.LabelNl);
        Assert.Equal("tailor \"bespoke\"", tailor.LabelEn);
        Assert.Equal(["maatkleermaker", "herenkleermaker"], tailor.AlternativeLabelsNl);
        Assert.Empty(tailor.AlternativeLabelsEn);
        Assert.Equal("Tailors, dressmakers, furriers and hatters", catalogue.IscoGroupLabel("7531"));
        Assert.Equal("herenkleermaker", Assert.Single(catalogue.Search("heren kleermaker")).MatchedAlternativeLabel);
        Assert.Null(Assert.Single(catalogue.Search("Kleermaker, HEREN")).MatchedAlternativeLabel);
    }

    [Fact]
    public async Task The_app_holds_one_catalogue_and_its_about_page_credits_ESCO()
    {
        await using var app = new ThuisAppFactory();
        using var client = new ThuisClient(app);

        Assert.Same(app.Services.GetRequiredService<OccupationCatalogue>(), app.Services.GetRequiredService<OccupationCatalogue>());
        var about = await client.GetAsync("/over");
        Assert.Equal(HttpStatusCode.OK, about.Status);
        Assert.Contains("ESCO", about.Text, StringComparison.Ordinal);
        Assert.Contains("© Europese Unie", about.Text, StringComparison.Ordinal);
        var link = Assert.Single(about.Document.QuerySelectorAll("a[href='https://esco.ec.europa.eu']"));
        Assert.Contains("utrecht-link", link.ClassList);
    }

    private static IEnumerable<string> AllLabels(Occupation o) =>
        new[] { o.LabelNl, o.LabelEn }.Concat(o.AlternativeLabelsNl).Concat(o.AlternativeLabelsEn);
}
