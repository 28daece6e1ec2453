package uk.gov.em.hub.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;

/**
 * Hashes and checks passwords with Argon2id (OWASP's minimum: 19 MiB, 2 iterations, 1 lane). Hashes
 * are PHC strings, so each carries its own parameters and salt and old hashes keep verifying after the
 * parameters are raised.
 */
@Singleton
public class PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

    /** A dummy hash checked when the user does not exist, so a wrong user name costs as long as a wrong password. */
    private final String decoy = hash("not-a-real-password");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /** True when {@code password} is the one {@code hash} was made from; any malformed hash is false. */
    public boolean matches(String password, String hash) {
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the time of a real check and returns false. */
    public boolean matchesNothing(String password) {
        matches(password, decoy);
        return false;
    }
}
