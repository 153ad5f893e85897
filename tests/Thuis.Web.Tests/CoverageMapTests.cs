using Thuis.Web.Features.Plans;
using Thuis.Web.Features.SocialMap;
using static Thuis.Web.Features.Plans.ParticipationDomain;
using static Thuis.Web.Features.SocialMap.TargetAudience;

namespace Thuis.Web.Tests;

public sealed class CoverageMapTests
{
    private static readonly Guid Club = Guid.NewGuid(), Library = Guid.NewGuid(), Mosque = Guid.NewGuid(), School = Guid.NewGuid();

    private static CoverageItem Item(string title, Guid provider, ParticipationDomain[] domains, params TargetAudience[] audiences) =>
        new("aanbod", title, provider, provider == Club ? "Club" : provider == Library ? "Bibliotheek" : provider == Mosque ? "Moskee" : "School",
            domains, audiences, "/");

    /// <summary>A small map: three organisations meet everyone, two serve parents, one item is for young people and money.</summary>
    private static readonly CoverageItem[] Map =
    [
        Item("Taalcafé", Library, [Meeting, SelfReliance]),
        Item("Inloop", Mosque, [Meeting]),
        Item("Meetrainen", Club, [Meeting]),
        Item("Walking football", Club, [Meeting], Over50),
        Item("Koffieochtend", School, [Meeting, CaringForOthers], Parents),
        Item("Huiswerkklas", Mosque, [CaringForOthers], Parents, Youth),
        Item("Voorleesuur", Library, [CaringForOthers], Parents),
        Item("Geldles voor jongeren", Library, [FinancialHealth], Youth),
    ];

    public static TheoryData<ParticipationDomain, TargetAudience?, int, int, CoverageLevel> Cells => new()
    {
        // domain, audience (null: for everyone), items, organisations, level
        { Meeting, null, 3, 3, CoverageLevel.Overlap },
        { Meeting, Over50, 1, 1, CoverageLevel.Covered },
        { Meeting, Parents, 1, 1, CoverageLevel.Covered },
        { Meeting, Youth, 0, 0, CoverageLevel.Gap },
        { CaringForOthers, Parents, 3, 3, CoverageLevel.Overlap },
        { CaringForOthers, Youth, 1, 1, CoverageLevel.Covered },
        { CaringForOthers, null, 0, 0, CoverageLevel.Gap },
        { SelfReliance, null, 1, 1, CoverageLevel.Covered },
        { FinancialHealth, Youth, 1, 1, CoverageLevel.Covered },
        { FinancialHealth, null, 0, 0, CoverageLevel.Gap },
        { PaidWork, Women, 0, 0, CoverageLevel.Gap },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_cell_counts_the_items_meant_for_its_audience_and_their_organisations(
        ParticipationDomain domain, TargetAudience? audience, int items, int organisations, CoverageLevel level)
    {
        var cell = CoverageMap.Compute(Map).Cell(domain, audience);

        Assert.Equal(items, cell.Items.Count);
        Assert.Equal(organisations, cell.Providers.Count);
        Assert.Equal(level, cell.Level);
    }

    [Fact]
    public void Several_items_of_one_organisation_are_no_overlap()
    {
        var table = CoverageMap.Compute(
        [
            Item("Voetbal", Club, [Meeting]), Item("Tennis", Club, [Meeting]), Item("Padel", Club, [Meeting]), Item("Zwemmen", Club, [Meeting]),
        ]);

        var cell = table.Cell(Meeting, null);
        Assert.Equal((4, 1, CoverageLevel.Covered), (cell.Items.Count, cell.Providers.Count, cell.Level));
    }

    [Fact]
    public void The_table_has_every_domain_and_every_audience_and_counts_gaps_and_overlaps()
    {
        var table = CoverageMap.Compute(Map);

        Assert.Equal(ParticipationDomains.All, table.Rows.Select(r => r.Domain));
        Assert.All(table.Rows, r => Assert.Equal(CoverageTable.Columns, r.Cells.Select(c => c.Audience)));
        Assert.Equal(2, table.Overlaps);
        Assert.Equal((6 * 6) - 7, table.Gaps);
        var meeting = table.Rows.Single(r => r.Domain == Meeting);
        Assert.Equal((5, 4), (meeting.Items, meeting.Providers));
    }

    [Fact]
    public void Without_anything_active_every_cell_is_a_gap()
    {
        var table = CoverageMap.Compute([]);

        Assert.Equal(6 * CoverageTable.Columns.Count, table.Gaps);
        Assert.Equal(0, table.Overlaps);
    }

    [Fact]
    public async Task The_view_reads_every_registered_source_so_another_source_adds_to_the_same_table()
    {
        var view = new ViewCoverage([new FixedSource([Item("Taalcafé", Library, [Meeting])]), new FixedSource([Item("Inloop", Mosque, [Meeting]), Item("Training", Club, [Meeting])])]);

        var table = await view.HandleAsync(CancellationToken.None);

        Assert.Equal(CoverageLevel.Overlap, table.Cell(Meeting, null).Level);
    }

    [Theory]
    [InlineData("ma ochtend, wo middag", "ma ochtend, wo middag")]
    [InlineData("Woensdag-Avond; za", "wo avond, za ochtend, za middag, za avond")]
    [InlineData("", "")]
    public void Day_parts_are_read_as_people_write_them_and_written_back_the_same_way(string text, string expected)
    {
        Assert.True(WeekGrid.TryParse(text, out var grid, out var error), error);
        Assert.Equal(expected, grid.ToString());
        Assert.True(WeekGrid.TryParse(grid.ToString(), out var again, out _));
        Assert.Equal(grid, again);
    }

    [Theory]
    [InlineData("maan ochtend", "‘maan ochtend’ is geen dagdeel: schrijf bijvoorbeeld ‘ma ochtend’ of ‘wo middag’.")]
    [InlineData("di nacht", "‘di nacht’ is geen dagdeel: gebruik ochtend, middag of avond.")]
    public void An_unknown_day_part_is_refused_in_Dutch(string text, string message)
    {
        Assert.False(WeekGrid.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    private sealed class FixedSource(IReadOnlyList<CoverageItem> items) : ICoverageSource
    {
        public Task<IReadOnlyList<CoverageItem>> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(items);
    }
}
