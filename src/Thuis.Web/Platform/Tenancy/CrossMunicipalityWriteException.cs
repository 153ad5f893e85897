namespace Thuis.Web.Platform.Tenancy;

/// <summary>A write that would touch another municipality's data. Always a bug, never user input.</summary>
public sealed class CrossMunicipalityWriteException(string entityType)
    : InvalidOperationException($"Een wijziging van {entityType} valt buiten de gemeente van de gebruiker en is geweigerd.");
