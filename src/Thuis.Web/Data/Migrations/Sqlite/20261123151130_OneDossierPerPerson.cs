using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneDossierPerPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Newcomers_MunicipalityId_Bsn",
                table: "Newcomers");

            migrationBuilder.DropIndex(
                name: "IX_Newcomers_MunicipalityId_VNumber",
                table: "Newcomers");

            migrationBuilder.CreateIndex(
                name: "IX_Newcomers_MunicipalityId_Bsn",
                table: "Newcomers",
                columns: new[] { "MunicipalityId", "Bsn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Newcomers_MunicipalityId_VNumber",
                table: "Newcomers",
                columns: new[] { "MunicipalityId", "VNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Newcomers_MunicipalityId_Bsn",
                table: "Newcomers");

            migrationBuilder.DropIndex(
                name: "IX_Newcomers_MunicipalityId_VNumber",
                table: "Newcomers");

            migrationBuilder.CreateIndex(
                name: "IX_Newcomers_MunicipalityId_Bsn",
                table: "Newcomers",
                columns: new[] { "MunicipalityId", "Bsn" });

            migrationBuilder.CreateIndex(
                name: "IX_Newcomers_MunicipalityId_VNumber",
                table: "Newcomers",
                columns: new[] { "MunicipalityId", "VNumber" });
        }
    }
}
