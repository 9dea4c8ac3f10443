namespace Redress.Web.Localization;

/// <summary>Marker for the UI's localized text (UiText.resx, UiText.zh-CN.resx).</summary>
public sealed class UiText;
