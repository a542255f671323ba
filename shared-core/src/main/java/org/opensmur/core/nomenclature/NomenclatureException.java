package org.opensmur.core.nomenclature;

/** A nomenclature file refused: why, in words, with the line it was found on when there is one. */
public final class NomenclatureException extends Exception {

    public NomenclatureException(String message) {
        super(message);
    }
}
