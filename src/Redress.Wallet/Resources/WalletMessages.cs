namespace Redress.Wallet.Resources;

/// <summary>Marker for the localized messages of the wallet module (WalletMessages.resx).</summary>
public sealed class WalletMessages;
