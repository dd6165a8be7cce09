"""Files the app reads at run time (demo centre, Qt catalogues, SAF-T schema), shipped as
package data so an installed build finds them beside the code as a checkout does."""
