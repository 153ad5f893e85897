using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NewcomersOwnAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Concern",
                table: "PlanSteps",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConcernSince",
                table: "PlanSteps",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastSignInAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "NewcomerId",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OwnAccessInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewcomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", maxLength: 16, nullable: false),
                    CodeHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnAccessInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnAccessInvitations_Newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "Newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NewcomerId",
                table: "AspNetUsers",
                column: "NewcomerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnAccessInvitations_MunicipalityId_NewcomerId",
                table: "OwnAccessInvitations",
                columns: new[] { "MunicipalityId", "NewcomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_OwnAccessInvitations_NewcomerId",
                table: "OwnAccessInvitations",
                column: "NewcomerId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnAccessInvitations_UserId",
                table: "OwnAccessInvitations",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Newcomers_NewcomerId",
                table: "AspNetUsers",
                column: "NewcomerId",
                principalTable: "Newcomers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Newcomers_NewcomerId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "OwnAccessInvitations");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NewcomerId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Concern",
                table: "PlanSteps");

            migrationBuilder.DropColumn(
                name: "ConcernSince",
                table: "PlanSteps");

            migrationBuilder.DropColumn(
                name: "LastSignInAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "NewcomerId",
                table: "AspNetUsers");
        }
    }
}
