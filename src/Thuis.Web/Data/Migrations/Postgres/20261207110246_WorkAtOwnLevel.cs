using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkAtOwnLevel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EscoUri",
                table: "Offers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Nlqf",
                table: "Offers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SteppingStones",
                table: "IntegrationPlans",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ValuedNlqf",
                table: "IntakeEducation",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EscoUri",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "Nlqf",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "SteppingStones",
                table: "IntegrationPlans");

            migrationBuilder.DropColumn(
                name: "ValuedNlqf",
                table: "IntakeEducation");
        }
    }
}
