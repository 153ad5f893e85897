using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PvtPracticeAndMapThemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing municipalities keep the practice Thuis had built in: 26 lessons, eight themed workshops, three months.
            // The MAP's themes take the names of the law's programme; each old theme moves to the nearest new one.
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Theme\" = 'MapCareerOrientation' WHERE \"Theme\" = 'MapOwnTalents'");
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Theme\" = 'MapRealisticPicture' WHERE \"Theme\" = 'MapLabourMarket'");
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Theme\" = 'MapProspects' WHERE \"Theme\" = 'MapOccupations'");
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Theme\" = 'MapGainingCompetences' WHERE \"Theme\" = 'MapEducationRoutes'");
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Theme\" = 'MapFindingWork' WHERE \"Theme\" = 'MapApplying'");
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Theme\" = 'MapEmployeeCompetences' WHERE \"Theme\" = 'MapVolunteering'");

            migrationBuilder.AddColumn<int>(
                name: "PvtLessons",
                table: "Municipalities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 26);

            migrationBuilder.AddColumn<int>(
                name: "PvtMonths",
                table: "Municipalities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<bool>(
                name: "PvtThemedWorkshops",
                table: "Municipalities",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Theme\" = 'MapOwnTalents' WHERE \"Theme\" = 'MapCareerOrientation'");
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Theme\" = 'MapLabourMarket' WHERE \"Theme\" = 'MapRealisticPicture'");
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Theme\" = 'MapOccupations' WHERE \"Theme\" = 'MapProspects'");
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Theme\" = 'MapEducationRoutes' WHERE \"Theme\" = 'MapGainingCompetences'");
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Theme\" = 'MapApplying' WHERE \"Theme\" = 'MapFindingWork'");
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Theme\" = 'MapVolunteering' WHERE \"Theme\" = 'MapEmployeeCompetences'");

            migrationBuilder.DropColumn(
                name: "PvtLessons",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "PvtMonths",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "PvtThemedWorkshops",
                table: "Municipalities");
        }
    }
}
