package io.github.faceid4j.model.card;

/**
 * Indonesia ID card (KTP).
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param nik Licence number (JSON {@code NIK})
 * @param nama Name (JSON {@code Nama})
 * @param tempatTglLahir Birth place and birthday (JSON {@code TempatTglLahir})
 * @param jenisKelamin Gender (JSON {@code JenisKelamin})
 * @param golDarah Blood type (JSON {@code GolDarah})
 * @param alamat Address (JSON {@code Alamat})
 * @param rtrw Street (JSON {@code RTRW})
 * @param kelDesa Village (JSON {@code KelDesa})
 * @param kecamatan Region (JSON {@code Kecamatan})
 * @param agama Religion (JSON {@code Agama})
 * @param statusPerkawinan Marital status (JSON {@code StatusPerkawinan})
 * @param perkerjaan Occupation (JSON {@code Perkerjaan})
 * @param kewargaNegaraan Nationality (JSON {@code KewargaNegaraan})
 * @param berlakuHingga Validity period (JSON {@code BerlakuHingga})
 * @param issuedDate Date of issue (JSON {@code IssuedDate})
 * @param provinsi Province (JSON {@code Provinsi})
 * @param kota City (JSON {@code Kota})
 */
public record IndonesiaIDCard(
        String nik,
        String nama,
        String tempatTglLahir,
        String jenisKelamin,
        String golDarah,
        String alamat,
        String rtrw,
        String kelDesa,
        String kecamatan,
        String agama,
        String statusPerkawinan,
        String perkerjaan,
        String kewargaNegaraan,
        String berlakuHingga,
        String issuedDate,
        String provinsi,
        String kota) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("IndonesiaIDCard",
                "nik", nik,
                "nama", nama,
                "tempatTglLahir", tempatTglLahir,
                "jenisKelamin", jenisKelamin,
                "golDarah", golDarah,
                "alamat", alamat,
                "rtrw", rtrw,
                "kelDesa", kelDesa,
                "kecamatan", kecamatan,
                "agama", agama,
                "statusPerkawinan", statusPerkawinan,
                "perkerjaan", perkerjaan,
                "kewargaNegaraan", kewargaNegaraan,
                "berlakuHingga", berlakuHingga,
                "issuedDate", issuedDate,
                "provinsi", provinsi,
                "kota", kota);
    }
}
