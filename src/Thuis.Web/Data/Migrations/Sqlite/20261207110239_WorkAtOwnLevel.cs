using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Nlqf",
                table: "Offers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SteppingStones",
                table: "IntegrationPlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ValuedNlqf",
                table: "IntakeEducation",
                type: "INTEGER",
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
