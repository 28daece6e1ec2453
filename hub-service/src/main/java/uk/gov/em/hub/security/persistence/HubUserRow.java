package uk.gov.em.hub.security.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/**
 * A row of {@code hub_user}: who may sign in, their Argon2id password hash, their roles, and how close
 * they are to being locked out (wrong passwords in a row, and until when a lock lasts).
 */
@MappedEntity("hub_user")
public record HubUserRow(
        @Id String username,
        @MappedProperty("password_hash") String passwordHash,
        @TypeDef(type = DataType.STRING_ARRAY) String[] roles,
        @MappedProperty("failed_sign_ins") int failedSignIns,
        @Nullable @MappedProperty("locked_until") Instant lockedUntil) {

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "HubUserRow[username=" + username + "]";
    }
}
