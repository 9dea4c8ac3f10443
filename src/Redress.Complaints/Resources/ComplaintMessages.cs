namespace Redress.Complaints.Resources;

/// <summary>Marker for the localized messages of the complaints module (ComplaintMessages.resx).</summary>
public sealed class ComplaintMessages;
