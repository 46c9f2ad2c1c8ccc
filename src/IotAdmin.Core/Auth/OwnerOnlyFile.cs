using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;

namespace IotAdmin.Auth
{
    /// <summary>
    /// A new file only its owner may read: mode 600 on Unix (chmod before anything is written), on Windows a
    /// protected DACL that grants the owner alone full control (no inherited entries).
    /// </summary>
    internal static class OwnerOnlyFile
    {
        private const uint UserReadWrite = 0x180; // 0600
        private const uint DaclSecurityInformation = 0x4;
        private const uint ProtectedDaclSecurityInformation = 0x80000000;
        private const string OwnerOnlySddl = "D:P(A;;FA;;;OW)";

        /// <summary>Creates <paramref name="path"/> (replacing it when <paramref name="overwrite"/>), restricted before it is returned for writing.</summary>
        public static FileStream Create(string path, bool overwrite)
        {
            if (overwrite && File.Exists(path)) File.Delete(path);
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            try
            {
                Restrict(path);
                return stream;
            }
            catch
            {
                stream.Dispose();
                File.Delete(path);
                throw;
            }
        }

        private static void Restrict(string path)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(OwnerOnlySddl, 1, out var descriptor, IntPtr.Zero)) throw new Win32Exception(Marshal.GetLastWin32Error());
                try
                {
                    if (!SetFileSecurityW(path, DaclSecurityInformation | ProtectedDaclSecurityInformation, descriptor)) throw new Win32Exception(Marshal.GetLastWin32Error());
                }
                finally
                {
                    LocalFree(descriptor);
                }

                return;
            }

            if (chmod(path, UserReadWrite) != 0) throw new IOException("Could not restrict '" + path + "' to its owner (chmod 600 failed, errno " + Marshal.GetLastWin32Error() + ").");
        }

        [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // the C name
        private static extern int chmod(string path, uint mode);
#pragma warning restore SA1300, IDE1006

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool ConvertStringSecurityDescriptorToSecurityDescriptorW(string stringSecurityDescriptor, uint revision, out IntPtr securityDescriptor, IntPtr securityDescriptorSize);

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool SetFileSecurityW(string fileName, uint securityInformation, IntPtr securityDescriptor);

        [DllImport("kernel32.dll")]
        private static extern IntPtr LocalFree(IntPtr memory);
    }
}
