package uk.gov.em.hub.security.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

/** A row of {@code hub_user}: who may sign in, their Argon2id password hash and their roles. */
@MappedEntity("hub_user")
public record HubUserRow(
        @Id String username,
        @MappedProperty("password_hash") String passwordHash,
        @TypeDef(type = DataType.STRING_ARRAY) String[] roles) {

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "HubUserRow[username=" + username + "]";
    }
}
