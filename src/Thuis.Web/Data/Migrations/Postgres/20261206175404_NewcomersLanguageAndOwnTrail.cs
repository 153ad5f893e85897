using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NewcomersLanguageAndOwnTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PersonId",
                table: "AuditEntries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnLanguage",
                table: "AspNetUsers",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_MunicipalityId_PersonId",
                table: "AuditEntries",
                columns: new[] { "MunicipalityId", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_MunicipalityId_PersonId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "OwnLanguage",
                table: "AspNetUsers");
        }
    }
}
