using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Thuis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VolunteerOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OrganisationId",
                table: "Volunteers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_OrganisationId",
                table: "Volunteers",
                column: "OrganisationId");

            migrationBuilder.AddForeignKey(
                name: "FK_Volunteers_Organisations_OrganisationId",
                table: "Volunteers",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Volunteers_Organisations_OrganisationId",
                table: "Volunteers");

            migrationBuilder.DropIndex(
                name: "IX_Volunteers_OrganisationId",
                table: "Volunteers");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Volunteers");
        }
    }
}
