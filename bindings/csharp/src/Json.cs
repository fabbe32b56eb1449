// JSON documents with what Mono and .NET Standard 2.0 both have:
// DataContractJsonSerializer over UTF-8. Dates travel as "YYYY-MM-DD" strings.
using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Runtime.Serialization.Json;
using System.Text;

namespace Jmdcm
{
    internal static class Json
    {
        // Making a serializer costs far more than using it, and one may be shared by threads.
        static readonly ConcurrentDictionary<Type, DataContractJsonSerializer> serializers =
            new ConcurrentDictionary<Type, DataContractJsonSerializer>();

        static DataContractJsonSerializer For(Type t) => serializers.GetOrAdd(t, x => new DataContractJsonSerializer(x));

        public static T Read<T>(string json)
        {
            using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(json)))
                return (T)For(typeof(T)).ReadObject(stream);
        }

        public static string Write<T>(T value)
        {
            using (var stream = new MemoryStream())
            {
                For(typeof(T)).WriteObject(stream, value);
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        public static DateTime Date(string iso) =>
            DateTime.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None);

        public static DateTime? OptionalDate(string iso) => iso == null ? (DateTime?)null : Date(iso);

        public static string Iso(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
