namespace Thuis.Web.Platform.Localization;

/// <summary>Texts of the application shell (layout, navigation, errors). Dutch in Shell.resx, English in Shell.en.resx.</summary>
public sealed class Shell;
