package uk.gov.em.contracts;

/** The kind of device a person wears or carries. */
public enum DeviceType {
    FITTED_GPS,
    FITTED_RF,
    NON_FITTED
}
