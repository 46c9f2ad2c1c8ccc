using System;
using System.Runtime.InteropServices;
using System.Security;

namespace IotAdmin.Connectors
{
    /// <summary>A SecureString's text, for the one place it must be plain: a request body about to be serialized.</summary>
    internal static class SecretText
    {
        public static string Reveal(SecureString secret)
        {
            var ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(ptr, secret.Length);
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }
    }
}
