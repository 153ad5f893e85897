using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DiplomaValuations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Diplomas",
                table: "IntakeEducation",
                type: "TEXT",
                nullable: true);

            // One diploma per part that had one (or a valuation): its valuation, result and level carried over, named
            // after the education as far as it is known, from the person's country of origin.
            migrationBuilder.Sql("""
                UPDATE "IntakeEducation" SET "Diplomas" = CASE
                    WHEN "HasDiploma" OR "Valuation" IN ('Applied', 'Valued') THEN json_array(json_object(
                        'Name', (CASE "HighestLevel" WHEN 'Bachelor' THEN 'Bachelor' WHEN 'Master' THEN 'Master' WHEN 'Doctorate' THEN 'Doctoraat' ELSE 'Diploma' END)
                            || COALESCE(' ' || "Field", ''),
                        'Country', (SELECT n."CountryOfOrigin" FROM "Newcomers" AS n WHERE n."Id" = "IntakeEducation"."NewcomerId"),
                        'Year', NULL,
                        'Level', CASE "HighestLevel" WHEN 'None' THEN 'Unknown' ELSE "HighestLevel" END,
                        'Valuation', CASE "Valuation" WHEN 'NotApplicable' THEN 'NotNeeded' ELSE "Valuation" END,
                        'AppliedOn', NULL,
                        'Nlqf', CASE WHEN "Valuation" = 'Valued' THEN "ValuedNlqf" END,
                        'Result', CASE WHEN "Valuation" = 'Valued' THEN "ValuationResult" END))
                    ELSE '[]' END;
                """);

            migrationBuilder.DropColumn(
                name: "HasDiploma",
                table: "IntakeEducation");

            migrationBuilder.DropColumn(
                name: "Valuation",
                table: "IntakeEducation");

            migrationBuilder.DropColumn(
                name: "ValuationResult",
                table: "IntakeEducation");

            migrationBuilder.DropColumn(
                name: "ValuedNlqf",
                table: "IntakeEducation");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HasDiploma",
                table: "IntakeEducation",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Valuation",
                table: "IntakeEducation",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ValuationResult",
                table: "IntakeEducation",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ValuedNlqf",
                table: "IntakeEducation",
                type: "INTEGER",
                nullable: true);

            // Back to one diploma per part: the first valued one, else the first.
            migrationBuilder.Sql("""
                UPDATE "IntakeEducation" SET
                    "HasDiploma" = COALESCE(json_array_length("Diplomas"), 0) > 0,
                    "Valuation" = COALESCE((SELECT CASE d.value ->> 'Valuation' WHEN 'NotNeeded' THEN 'NotApplicable' ELSE d.value ->> 'Valuation' END
                        FROM json_each("Diplomas") AS d ORDER BY (d.value ->> 'Valuation') = 'Valued' DESC, d.key LIMIT 1), 'NotApplicable'),
                    "ValuedNlqf" = (SELECT MAX(d.value ->> 'Nlqf') FROM json_each("Diplomas") AS d WHERE d.value ->> 'Valuation' = 'Valued'),
                    "ValuationResult" = (SELECT d.value ->> 'Result' FROM json_each("Diplomas") AS d WHERE d.value ->> 'Valuation' = 'Valued'
                        ORDER BY d.value ->> 'Nlqf' DESC LIMIT 1);
                """);

            migrationBuilder.DropColumn(
                name: "Diplomas",
                table: "IntakeEducation");
        }
    }
}
