using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MatchingRoundsKeepTheirWord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ArrangedBy",
                table: "Proposals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ArrangedEndedOn",
                table: "Proposals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ArrangedStartedOn",
                table: "Proposals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotNowKind",
                table: "Proposals",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NotNowUntil",
                table: "Proposals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionNote",
                table: "CohortMatches",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "CohortMatches",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CohortMatches_MunicipalityId_NewcomerId",
                table: "CohortMatches",
                columns: new[] { "MunicipalityId", "NewcomerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CohortMatches_MunicipalityId_NewcomerId",
                table: "CohortMatches");

            migrationBuilder.DropColumn(
                name: "ArrangedBy",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "ArrangedEndedOn",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "ArrangedStartedOn",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "NotNowKind",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "NotNowUntil",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "RejectionNote",
                table: "CohortMatches");

            migrationBuilder.DropColumn(
                name: "RejectionReason",
                table: "CohortMatches");
        }
    }
}
