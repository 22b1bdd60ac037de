/**
 * The order gateway: strategy order intake, pre-trade risk, kill switch, order state machine, the iLink 3-style
 * venue session and its transport. Code arrives with the order-path issue.
 */
package io.wirespeed.gateway;
