using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CorrectionRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CorrectionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Words = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AskedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AskedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnswerDue = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectionRequests_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionRequests_MunicipalityId_NewcomerId",
                table: "CorrectionRequests",
                columns: new[] { "MunicipalityId", "NewcomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionRequests_NewcomerId",
                table: "CorrectionRequests",
                column: "NewcomerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CorrectionRequests");
        }
    }
}
