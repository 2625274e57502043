// Why: most people set up an authenticator app by pointing the phone at a QR code; drawing it as SVG on the server
// keeps the page free of script (the admin's CSP allows none inline) and the key off any third-party service.
using QRCoder;

namespace OneDigital.Admin.Account;

internal static class QrCode
{
    /// <summary>An SVG element of <paramref name="text"/>, sized by its viewBox so CSS decides how large it shows.</summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(4, "#0b0c0c", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
