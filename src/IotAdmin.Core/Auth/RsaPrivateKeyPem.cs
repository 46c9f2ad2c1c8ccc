using System;
using System.Security.Cryptography;

namespace IotAdmin.Auth
{
    /// <summary>
    /// Reads an RSA private key from PEM ("PRIVATE KEY" = PKCS#8, as in Google service-account keys, or
    /// "RSA PRIVATE KEY" = PKCS#1). netstandard2.0 has no ImportPkcs8PrivateKey, so this is a small DER reader.
    /// </summary>
    internal static class RsaPrivateKeyPem
    {
        public static RSAParameters Parse(string pem)
        {
            var pkcs8 = pem.Contains("-----BEGIN PRIVATE KEY-----");
            var der = Convert.FromBase64String(Body(pem, pkcs8 ? "PRIVATE KEY" : "RSA PRIVATE KEY"));
            var reader = new Der(der);
            if (pkcs8)
            {
                // PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier, OCTET STRING privateKey }
                var info = reader.Sequence();
                info.Integer();
                info.Skip(0x30);
                reader = new Der(info.OctetString());
            }

            // RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dp, dq, qinv }
            var key = reader.Sequence();
            key.Integer();
            var n = Trim(key.Integer());
            var e = Trim(key.Integer());
            var d = key.Integer();
            var p = key.Integer();
            var q = key.Integer();
            var dp = key.Integer();
            var dq = key.Integer();
            var qi = key.Integer();
            var half = (n.Length + 1) / 2;
            return new RSAParameters
            {
                Modulus = n,
                Exponent = e,
                D = Pad(d, n.Length),
                P = Pad(p, half),
                Q = Pad(q, half),
                DP = Pad(dp, half),
                DQ = Pad(dq, half),
                InverseQ = Pad(qi, half),
            };
        }

        private static string Body(string pem, string label)
        {
            var begin = "-----BEGIN " + label + "-----";
            var end = "-----END " + label + "-----";
            var start = pem.IndexOf(begin, StringComparison.Ordinal);
            var stop = pem.IndexOf(end, StringComparison.Ordinal);
            if (start < 0 || stop < start) throw new FormatException("The private key is not a PEM '" + label + "' block.");
            return pem.Substring(start + begin.Length, stop - start - begin.Length).Replace("\\n", string.Empty).Replace("\n", string.Empty).Replace("\r", string.Empty).Trim();
        }

        private static byte[] Trim(byte[] value)
        {
            var i = 0;
            while (i < value.Length - 1 && value[i] == 0) i++;
            return i == 0 ? value : value.AsSpanCopy(i);
        }

        private static byte[] Pad(byte[] value, int length)
        {
            var trimmed = Trim(value);
            if (trimmed.Length >= length) return trimmed;
            var padded = new byte[length];
            Buffer.BlockCopy(trimmed, 0, padded, length - trimmed.Length, trimmed.Length);
            return padded;
        }

        private static byte[] AsSpanCopy(this byte[] value, int start)
        {
            var copy = new byte[value.Length - start];
            Buffer.BlockCopy(value, start, copy, 0, copy.Length);
            return copy;
        }

        private sealed class Der
        {
            private readonly byte[] _data;
            private int _position;

            public Der(byte[] data) => _data = data;

            public Der Sequence() => new Der(Read(0x30));

            public byte[] Integer() => Read(0x02);

            public byte[] OctetString() => Read(0x04);

            public void Skip(byte tag) => Read(tag);

            private byte[] Read(byte tag)
            {
                if (_position >= _data.Length || _data[_position] != tag) throw new FormatException("The private key is not valid DER (expected tag 0x" + tag.ToString("x2") + ").");
                _position++;
                var length = (int)_data[_position++];
                if ((length & 0x80) != 0)
                {
                    var count = length & 0x7f;
                    length = 0;
                    for (var i = 0; i < count; i++) length = (length << 8) | _data[_position++];
                }

                if (length < 0 || _position + length > _data.Length) throw new FormatException("The private key is truncated.");
                var value = new byte[length];
                Buffer.BlockCopy(_data, _position, value, 0, length);
                _position += length;
                return value;
            }
        }
    }
}
