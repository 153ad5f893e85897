using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Matching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MatchRulesVersion",
                table: "Proposals",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "MatchScore",
                table: "Proposals",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CohortRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Pool = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PoolDomain = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PoolKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MaxPerPerson = table.Column<int>(type: "INTEGER", nullable: false),
                    People = table.Column<string>(type: "TEXT", nullable: false),
                    RulesVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CohortMatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TargetKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    KindLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CohortMatches_CohortRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "CohortRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CohortMatches_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CohortMatches_MunicipalityId_RunId",
                table: "CohortMatches",
                columns: new[] { "MunicipalityId", "RunId" });

            migrationBuilder.CreateIndex(
                name: "IX_CohortMatches_NewcomerId",
                table: "CohortMatches",
                column: "NewcomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortMatches_RunId",
                table: "CohortMatches",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_CohortRuns_MunicipalityId",
                table: "CohortRuns",
                column: "MunicipalityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CohortMatches");

            migrationBuilder.DropTable(
                name: "CohortRuns");

            migrationBuilder.DropColumn(
                name: "MatchRulesVersion",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "MatchScore",
                table: "Proposals");
        }
    }
}
