using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CurriculumVitae : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cvs",
                columns: table => new
                {
                    NewcomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Profile = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: true),
                    LeaveOutContact = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaveOutWork = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaveOutEducation = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaveOutLanguages = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaveOutSkills = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaveOutVolunteering = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaveOutCourses = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cvs", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_Cvs_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cvs_MunicipalityId",
                table: "Cvs",
                column: "MunicipalityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Cvs");
        }
    }
}
